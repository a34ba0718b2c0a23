"""The rows of the import's floor (scripts/bench-import.sh, scripts/bench-import-indexes.sh).

Usage: floor-rows.py WORK ACTIONS SCHOOLS
Writes into WORK: baseline.tsv (ACTIONS × SCHOOLS assignment-shaped rows with random ids, for
the \\copy baseline), and floor-assignments.tsv: the same assignments a plan of ACTIONS actions
for SCHOOLS schools makes, each carrying its school's place in the action's list and the name as
written (an organisation is an action's executor through its first assignment), already resolved
to the ids floor-seed.sql gives its schools and actions, time-ordered as the import's are.
"""
import sys
import uuid

work, actions, schools = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
school_ids = [uuid.uuid4() for _ in range(schools)]
with open(f"{work}/baseline.tsv", "w") as f:
    for _ in range(actions):
        action = uuid.uuid4()
        for school in school_ids:
            f.write(f"{action}\t{school}\t1\t[2019-03-01,2019-04-01)\t2019-03-31\n")


def school(i):
    return f"00000000-0000-4000-8000-{i:012x}"


def action(i):
    return f"00000000-0000-4000-b000-{i:012x}"


with open(f"{work}/floor-assignments.tsv", "w") as assignments:
    row = 0
    for a in range(1, actions + 1):
        for s in range(1, schools + 1):
            row += 1
            assignments.write(f"00000000-0000-7000-9000-{row:012x}\t{action(a)}\t{school(s)}\t1\t[2019-03-01,2019-04-01)\t"
                              f"2019-03-31\t2019-03-31\t{s}\tМАОУ СОШ № {s}\n")
