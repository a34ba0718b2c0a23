-- Demo data: the organisations of the Tambov demo under their full names, with the short
-- names documents use as aliases, so importing the demo documents (demo/*.txt) matches
-- them instead of creating new ones. Idempotent: fixed ids, ON CONFLICT DO NOTHING.
-- The normalised names here are placeholders: the loader rewrites them with the one function
-- matching uses (OrganizationName), so they can never disagree with it.

INSERT INTO organizations (id, name, short_name, kind, municipality, normalized_name) VALUES
  ('00000000-0000-4000-8000-000000000001', 'Комитет образования администрации города Тамбова', 'Комитет образования', 'committee', 'город Тамбов', 'комитет образования администрации города тамбова'),
  ('00000000-0000-4000-8000-000000000002', 'МКУ «Центр сопровождения образовательной деятельности»', 'ЦСОД', 'municipal_institution', 'город Тамбов', 'мку центр сопровождения образовательной деятельности'),
  ('00000000-0000-4000-8000-000000000003', 'МАОУ СОШ № 5 имени Ю.А.Гагарина', 'СОШ № 5', 'school', 'город Тамбов', 'маоу сош № 5 имени ю.а.гагарина')
ON CONFLICT (id) DO NOTHING;

INSERT INTO organization_aliases (organization_id, alias, normalized_alias) VALUES
  ('00000000-0000-4000-8000-000000000001', 'Комитет образования', 'комитет образования'),
  ('00000000-0000-4000-8000-000000000003', 'СОШ № 5', 'сош № 5')
ON CONFLICT DO NOTHING;
