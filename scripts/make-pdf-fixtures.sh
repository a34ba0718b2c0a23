#!/usr/bin/env bash
# Remakes the PDF fixtures of Tests/RoadmapImportTests/Fixtures/pdf: plans saved as PDF by
# LibreOffice, as committees save them from Word and Writer, and the hostile kinds the reader
# must refuse. Needs LibreOffice (libreoffice-writer-nogui), ImageMagick and poppler-utils;
# the tests themselves need only poppler-utils.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
fixtures="$here/Tests/RoadmapImportTests/Fixtures"
out="$fixtures/pdf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
soffice() { command soffice -env:UserInstallation="file://$work/profile" --headless "$@" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; return 1; }; }

# A real order (a .docx with merged cells and narrow columns) and a plan with sections and
# numbering that restarts in each section (an HTML table, as a web page saved to PDF).
soffice --convert-to pdf --outdir "$out" "$fixtures/order770.docx"
soffice --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$out" "$out/gia-plan.html"
# A road map of five pages: its heading row repeated on each, centred headings, rows cut by
# page breaks, cells filled to their borders; the same with a running head and page numbers;
# one typeset with justified text; a school's plan with short cells centred in their columns;
# one with executors one to a line; and each table as CSV to compare with.
python3 "$here/scripts/make-long-plan.py" "$out"
soffice --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$out" "$out/long-plan.html"
soffice --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$out" "$out/justified-plan.html"
soffice --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$out" "$out/centred-plan.html"
soffice --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$out" "$out/paged-plan.html"
soffice --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$out" "$out/listed-plan.html"

# The same plan, opened only with a password.
cp "$out/gia-plan.html" "$work/encrypted.html"
soffice --infilter="HTML (StarWriter)" \
    --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
    --outdir "$work" "$work/encrypted.html"
cp "$work/encrypted.pdf" "$out/encrypted.pdf"

# A scan: the first page as a picture, with no text layer.
pdftoppm -r 40 -gray -singlefile -f 1 -l 1 "$out/gia-plan.pdf" "$work/page"

# Bombs: 1,000 pages, and one page that draws a billion words.
python3 - "$out" "$work/page.pgm" <<'PY'
import sys, zlib
out, scan = sys.argv[1], sys.argv[2]

def write(name, objects):
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    open(f"{out}/{name}", "wb").write(body)

# The scan: a grey picture of the page, drawn over the whole page.
data = open(scan, "rb").read()
header, width, height, rest = data.split(b"\n", 3)[0], *data.split(b"\n", 3)[1].split(), data.split(b"\n", 3)[3]
pixels = data.split(b"\n", 3)[3]
width, height = int(width), int(height)
image = zlib.compress(pixels[-width * height:], 9)
draw = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
write("scanned.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream",
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
    % (width, height, len(image)) + image + b"\nendstream",
])

font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
pages = 1_000
write("bomb-pages.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Count %d /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Kids [" % pages
    + b"".join(b"%d 0 R " % (5 + page) for page in range(pages)) + b"] >>",
    b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Plan) Tj ET\nendstream",
    font,
] + [b"<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>"] * pages)
# Forms that each draw the one below ten times, nine deep: a billion words from 2 KB.
depth = 9
forms = [b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Length 36 >>\nstream\nBT /F1 1 Tf 0 0 Td (A B C) Tj ET\nendstream"]
for level in range(1, depth + 1):
    draw = b" ".join(b"q 1 0 0 1 %d %d cm /X Do Q" % (level, step * 7) for step in range(10))
    forms.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X %d 0 R >> >> /Length %d >>\nstream\n"
                 % (5 + level, len(draw)) + draw + b"\nendstream")
write("bomb-forms.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /XObject << /X %d 0 R >> >> >>" % (6 + depth),
    font,
    b"<< /Length 5 >>\nstream\n/X Do\nendstream",
] + forms)
PY
ls -l "$out"
