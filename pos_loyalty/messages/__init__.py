"""Customer messages: an outbox planned from the ledger (welcome, rewards, tiers, birthdays, expiring points, we miss
you), held back by consent, frequency caps and quiet hours, sent by e-mail from exactly one place (a till with
e-mail settings, or the central server), and kept in step with the server like the events."""
