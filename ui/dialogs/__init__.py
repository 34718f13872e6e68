"""Dialogs of the counter: enroll a customer, show and print a card, confirm a redemption."""
