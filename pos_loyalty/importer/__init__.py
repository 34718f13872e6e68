"""Import customers from a CSV file (a paper card system, another app): read, map columns, plan, import.

    table = read("kunden.csv")                      # ; or , or tab; UTF-8 (BOM or not) or Windows-1252
    mapping = apply(table.header, guess(table.header), ["Kartennr=old_card"])
    plan = build(app, table, mapping)               # the dry run: plan.summary(), plan.problems
    result = run(app, plan, staff, skip_bad_rows=True)   # one transaction: everything or nothing

Each imported customer is enrolled through the service with a new card; stamps, points and cashback from the old
system become one 'opening' event attributed to the importing staff member, with the import's id in its detail.
A row whose identity (old card number, else name, email, phone and birthday) an earlier import already brought in
is left alone, so importing a file twice, or again after fixing its bad rows, adds no one twice.
"""

from .csvfile import ImportFileError, Table, parse, read
from .mapping import FIELDS, IGNORE, LABELS, apply, check, guess
from .plan import NewCustomer, Plan, build
from .run import Cancelled, ImportedCard, Result, cards_of, imports, run, write_cards, write_problems
from .values import MESSAGES, Problem

__all__ = ["FIELDS", "IGNORE", "LABELS", "MESSAGES", "Cancelled", "ImportFileError", "ImportedCard", "NewCustomer",
           "Plan", "Problem", "Result", "Table", "apply", "build", "cards_of", "check", "guess", "imports", "parse",
           "read", "run", "write_cards", "write_problems"]
