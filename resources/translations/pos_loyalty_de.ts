<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>BookingBar</name>
    <message>
        <source>Amount paid</source>
        <translation>Bezahlter Betrag</translation>
    </message>
    <message>
        <source>Items (optional)</source>
        <translation>Artikel (optional)</translation>
    </message>
    <message>
        <source>CODE:PRICE, CODE …</source>
        <translation>CODE:PREIS, CODE …</translation>
    </message>
    <message>
        <source>Book  (Enter)</source>
        <translation>Buchen  (Enter)</translation>
    </message>
    <message>
        <source>Next customer  (Esc)</source>
        <translation>Nächster Kunde  (Esc)</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <source>Camera preview</source>
        <translation>Kamerabild</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Kamera aus</translation>
    </message>
</context>
<context>
    <name>CameraWorker</name>
    <message>
        <source>The camera could not be opened: %1</source>
        <translation>Die Kamera ließ sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>The camera stopped: %1</source>
        <translation>Die Kamera ist ausgefallen: %1</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>Loyalty card</source>
        <translation>Kundenkarte</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>Neue Karte</translation>
    </message>
    <message>
        <source>The customer can photograph this code, or take it printed.</source>
        <translation>Der Kunde kann den Code abfotografieren oder ausgedruckt mitnehmen.</translation>
    </message>
    <message>
        <source>Drawing the code …</source>
        <translation>Code wird erstellt …</translation>
    </message>
    <message>
        <source>Print …</source>
        <translation>Drucken …</translation>
    </message>
    <message>
        <source>Save as PNG …</source>
        <translation>Als PNG speichern …</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Das hat nicht geklappt: %1</translation>
    </message>
    <message>
        <source>Save card as PNG</source>
        <translation>Karte als PNG speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>Print card</source>
        <translation>Karte drucken</translation>
    </message>
    <message>
        <source>Printing …</source>
        <translation>Wird gedruckt …</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>An den Drucker gesendet.</translation>
    </message>
</context>
<context>
    <name>CardPrint</name>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Der Drucker ließ sich nicht öffnen.</translation>
    </message>
</context>
<context>
    <name>CounterView</name>
    <message>
        <source>Search: name, phone, email, card  (F3)</source>
        <translation>Suche: Name, Tel., E-Mail, Karte  (F3)</translation>
    </message>
    <message>
        <source>New customer  (F2)</source>
        <translation>Neuer Kunde  (F2)</translation>
    </message>
    <message>
        <source>Undo  (F9)</source>
        <translation>Rückgängig  (F9)</translation>
    </message>
    <message>
        <source>Owner …</source>
        <translation>Inhaber …</translation>
    </message>
    <message>
        <source>Scan card</source>
        <translation>Karte scannen</translation>
    </message>
    <message>
        <source>Hold the customer&apos;s card under the scanner or in front of the camera.</source>
        <translation>Die Karte des Kunden unter den Scanner oder vor die Kamera halten.</translation>
    </message>
    <message>
        <source>No camera preview</source>
        <translation>Kein Kamerabild</translation>
    </message>
    <message>
        <source>No card with them? Search above, or enroll a new customer (F2).</source>
        <translation>Keine Karte dabei? Oben suchen oder einen neuen Kunden anlegen (F2).</translation>
    </message>
    <message>
        <source>Card blocked</source>
        <translation>Karte gesperrt</translation>
    </message>
    <message>
        <source>Card refused</source>
        <translation>Karte abgelehnt</translation>
    </message>
    <message>
        <source>This customer has no active card: re-issue one before booking.</source>
        <translation>Dieser Kunde hat keine gültige Karte: vor dem Buchen eine neue ausstellen.</translation>
    </message>
    <message>
        <source>Nothing to undo: only your last booking of the last few minutes can be.</source>
        <translation>Nichts rückgängig zu machen: das geht nur mit der eigenen letzten Buchung, wenige Minuten lang.</translation>
    </message>
    <message>
        <source>Undo the purchase of %1</source>
        <translation>Einkauf über %1 rückgängig machen</translation>
    </message>
    <message>
        <source>Undo your last booking (for a few minutes after it)</source>
        <translation>Die eigene letzte Buchung rückgängig machen (wenige Minuten lang)</translation>
    </message>
</context>
<context>
    <name>CustomerEditDialog</name>
    <message>
        <source>Edit customer</source>
        <translation>Kunden bearbeiten</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ oder JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Agrees to receive offers by email</source>
        <translation>Möchte Angebote per E-Mail erhalten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>Rewards available now</source>
        <translation>Jetzt einlösbare Prämien</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Karte %1</translation>
    </message>
    <message>
        <source>%1 of %2 stamps</source>
        <translation>%1 von %2 Stempeln</translation>
    </message>
    <message>
        <source>(+%1 on the next card)</source>
        <translation>(+%1 auf der nächsten Karte)</translation>
    </message>
    <message numerus="yes">
        <source>%n stamp(s)</source>
        <translation>
            <numerusform>%n Stempel</numerusform>
            <numerusform>%n Stempel</numerusform>
        </translation>
    </message>
    <message>
        <source>Birthday this week</source>
        <translation>Geburtstag diese Woche</translation>
    </message>
    <message>
        <source>Reward ready</source>
        <translation>Prämie bereit</translation>
    </message>
    <message>
        <source>Negative balance: check the sync conflict</source>
        <translation>Negativer Stand: Abgleich-Konflikt prüfen</translation>
    </message>
    <message>
        <source>Card blocked</source>
        <translation>Karte gesperrt</translation>
    </message>
    <message>
        <source>New card: the first purchase starts it</source>
        <translation>Neue Karte: gilt ab dem ersten Einkauf</translation>
    </message>
    <message>
        <source>Redeem cashback (%1 available)</source>
        <translation>Cashback auszahlen (%1 verfügbar)</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n Punkt</numerusform>
            <numerusform>%n Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Redeem: %1 (%2)</source>
        <translation>Einlösen: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n more stamp(s) to %1</source>
        <translation>
            <numerusform>Noch %n Stempel bis „%1“</numerusform>
            <numerusform>Noch %n Stempel bis „%1“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more point(s) to %1</source>
        <translation>
            <numerusform>Noch %n Punkt bis „%1“</numerusform>
            <numerusform>Noch %n Punkte bis „%1“</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Stempel</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Search: name, phone, email, card</source>
        <translation>Suche: Name, Tel., E-Mail, Karte</translation>
    </message>
    <message>
        <source>Edit …</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>History …</source>
        <translation>Verlauf …</translation>
    </message>
    <message>
        <source>Merge …</source>
        <translation>Zusammenführen …</translation>
    </message>
    <message>
        <source>Re-issue card …</source>
        <translation>Neue Karte …</translation>
    </message>
    <message>
        <source>Block card …</source>
        <translation>Karte sperren …</translation>
    </message>
    <message>
        <source>Type a name, phone number, email or card number to find customers.</source>
        <translation>Name, Telefonnummer, E-Mail oder Kartennummer eingeben, um Kunden zu finden.</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Merged. %1 keeps both balances.</source>
        <translation>Zusammengeführt. %1 behält beide Guthaben.</translation>
    </message>
    <message>
        <source>This customer has no active card.</source>
        <translation>Dieser Kunde hat keine aktive Karte.</translation>
    </message>
    <message>
        <source>Block card</source>
        <translation>Karte sperren</translation>
    </message>
    <message>
        <source>Block the card of %1? It will be refused at the counter; the balance stays on the account.</source>
        <translation>Die Karte von %1 sperren? Sie wird an der Kasse abgelehnt; das Guthaben bleibt auf dem Konto.</translation>
    </message>
    <message>
        <source>The card of %1 is blocked. Re-issue a card to go on collecting.</source>
        <translation>Die Karte von %1 ist gesperrt. Mit einer neuen Karte wird weiter gesammelt.</translation>
    </message>
    <message>
        <source>Re-issue card</source>
        <translation>Neue Karte ausgeben</translation>
    </message>
    <message>
        <source>Give %1 a new card? The old card is blocked; the balance moves to the new one.</source>
        <translation>%1 eine neue Karte geben? Die alte Karte wird gesperrt; das Guthaben geht auf die neue über.</translation>
    </message>
    <message>
        <source>%1 has a new card; the old one is blocked.</source>
        <translation>%1 hat eine neue Karte; die alte ist gesperrt.</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>Every field is optional: a card alone collects stamps and points.</source>
        <translation>Alle Felder sind freiwillig: auch eine Karte allein sammelt Stempel und Punkte.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ oder JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Scan or type the friend&apos;s card</source>
        <translation>Karte scannen oder Nummer eintippen</translation>
    </message>
    <message>
        <source>Agrees to receive offers by email</source>
        <translation>Möchte Angebote per E-Mail erhalten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Empfohlen von</translation>
    </message>
    <message>
        <source>Enroll and show card</source>
        <translation>Anlegen und Karte zeigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Purchase</source>
        <translation>Einkauf</translation>
    </message>
    <message>
        <source>Reward redeemed</source>
        <translation>Prämie eingelöst</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Punkte verfallen</translation>
    </message>
    <message>
        <source>Accounts merged</source>
        <translation>Konten zusammengeführt</translation>
    </message>
    <message>
        <source>Tier change</source>
        <translation>Stufenwechsel</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Stempel</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>Noch keine Buchungen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>pos-loyalty</source>
        <translation>pos-loyalty</translation>
    </message>
    <message>
        <source>Sign in first, then scan the card.</source>
        <translation>Erst anmelden, dann die Karte scannen.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Merge accounts</source>
        <translation>Konten zusammenführen</translation>
    </message>
    <message>
        <source>Find the other account of %1 (name, phone, email or card).</source>
        <translation>Das andere Konto von %1 suchen (Name, Telefon, E-Mail oder Karte).</translation>
    </message>
    <message>
        <source>Search: name, phone, email, card</source>
        <translation>Suche: Name, Tel., E-Mail, Karte</translation>
    </message>
    <message>
        <source>Keep this account (%1)</source>
        <translation>Dieses Konto behalten (%1)</translation>
    </message>
    <message>
        <source>Keep the other account</source>
        <translation>Das andere Konto behalten</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>%n stamp(s)</source>
        <translation>
            <numerusform>%n Stempel</numerusform>
            <numerusform>%n Stempel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n Punkt</numerusform>
            <numerusform>%n Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>lost</source>
        <translation>verloren</translation>
    </message>
    <message>
        <source>stolen</source>
        <translation>gestohlen</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>Nothing was read. Scan the card again.</source>
        <translation>Nichts gelesen. Bitte die Karte noch einmal scannen.</translation>
    </message>
    <message>
        <source>This code is not one of our loyalty cards.</source>
        <translation>Dieser Code ist keine unserer Kundenkarten.</translation>
    </message>
    <message>
        <source>This card uses a newer format that this app does not know; please update the app.</source>
        <translation>Diese Karte hat ein neueres Format, das diese App nicht kennt; bitte die App aktualisieren.</translation>
    </message>
    <message>
        <source>The card code is damaged or incomplete. Scan it again or type the number.</source>
        <translation>Der Kartencode ist beschädigt oder unvollständig. Noch einmal scannen oder die Nummer eintippen.</translation>
    </message>
    <message>
        <source>This card belongs to another shop or chain.</source>
        <translation>Diese Karte gehört zu einem anderen Geschäft oder einer anderen Kette.</translation>
    </message>
    <message>
        <source>This card failed its security check: it is forged or was misread.</source>
        <translation>Diese Karte hat die Echtheitsprüfung nicht bestanden: gefälscht oder falsch gelesen.</translation>
    </message>
    <message>
        <source>This is not a valid loyalty card.</source>
        <translation>Das ist keine gültige Kundenkarte.</translation>
    </message>
    <message>
        <source>This card is not in use here.</source>
        <translation>Diese Karte ist hier nicht in Gebrauch.</translation>
    </message>
    <message>
        <source>This card is blocked. Use the customer&apos;s new card.</source>
        <translation>Diese Karte ist gesperrt. Bitte die neue Karte des Kunden nehmen.</translation>
    </message>
    <message>
        <source>This card is already in use.</source>
        <translation>Diese Karte ist schon vergeben.</translation>
    </message>
    <message>
        <source>No such customer.</source>
        <translation>Diesen Kunden gibt es nicht.</translation>
    </message>
    <message>
        <source>These are the same customer.</source>
        <translation>Das ist derselbe Kunde.</translation>
    </message>
    <message>
        <source>One of these accounts was already merged into another.</source>
        <translation>Eines dieser Konten wurde schon mit einem anderen zusammengeführt.</translation>
    </message>
    <message>
        <source>That is not an email address.</source>
        <translation>Das ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>That is not a date like 23.04.1990.</source>
        <translation>Das ist kein Datum wie 23.04.1990.</translation>
    </message>
    <message>
        <source>That is not an amount; type it like 12.50.</source>
        <translation>Das ist kein Betrag; bitte so eingeben: 12,50.</translation>
    </message>
    <message>
        <source>The items could not be read: write a code, optionally with a price (BIO-BREAD:4.20).</source>
        <translation>Die Artikel sind nicht lesbar: einen Code schreiben, wahlweise mit Preis (BIO-BROT:4,20).</translation>
    </message>
    <message>
        <source>The balance is not enough for this.</source>
        <translation>Dafür reicht das Guthaben nicht.</translation>
    </message>
    <message>
        <source>This is less than the least amount of cashback that can be redeemed.</source>
        <translation>Das ist weniger als der Mindestbetrag für eine Cashback-Auszahlung.</translation>
    </message>
    <message>
        <source>There is no such reward.</source>
        <translation>Diese Prämie gibt es nicht.</translation>
    </message>
    <message>
        <source>This till has not synced for a while: a customer can redeem only a little here until it is back online.</source>
        <translation>Diese Kasse hat länger nicht abgeglichen: bis sie wieder online ist, kann ein Kunde hier nur wenig einlösen.</translation>
    </message>
    <message>
        <source>Say why the points are adjusted (a reason is kept in the ledger).</source>
        <translation>Bitte einen Grund für die Punktekorrektur angeben (er wird im Journal gespeichert).</translation>
    </message>
    <message>
        <source>There is no such booking.</source>
        <translation>Diese Buchung gibt es nicht.</translation>
    </message>
    <message>
        <source>This booking cannot be undone.</source>
        <translation>Diese Buchung kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>This booking was already undone.</source>
        <translation>Diese Buchung wurde schon rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: signing in is locked for a few minutes.</source>
        <translation>Zu viele falsche PINs: die Anmeldung ist für einige Minuten gesperrt.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Eine PIN hat 4 bis 8 Ziffern.</translation>
    </message>
    <message>
        <source>There is no active staff member of that name.</source>
        <translation>Kein aktives Teammitglied mit diesem Namen.</translation>
    </message>
    <message>
        <source>A name is needed.</source>
        <translation>Bitte einen Namen angeben.</translation>
    </message>
    <message>
        <source>The role must be cashier or owner.</source>
        <translation>Die Rolle muss Kasse oder Inhaber sein.</translation>
    </message>
    <message>
        <source>That name is already taken.</source>
        <translation>Diesen Namen gibt es schon.</translation>
    </message>
    <message>
        <source>No program is loaded yet: load one with &apos;pos-loyalty program load FILE&apos;.</source>
        <translation>Es ist noch kein Programm geladen: eines mit &apos;pos-loyalty program load DATEI&apos; laden.</translation>
    </message>
    <message>
        <source>The loyalty program file has a mistake.</source>
        <translation>Die Programmdatei enthält einen Fehler.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was booked. Free some space and try again.</source>
        <translation>Der Datenträger ist voll: nichts wurde gebucht. Platz schaffen und noch einmal versuchen.</translation>
    </message>
    <message>
        <source>The database is busy (another program is writing). Try again.</source>
        <translation>Die Datenbank ist belegt (ein anderes Programm schreibt gerade). Bitte noch einmal versuchen.</translation>
    </message>
    <message>
        <source>The data folder is read-only: nothing was booked.</source>
        <translation>Der Datenordner ist schreibgeschützt: nichts wurde gebucht.</translation>
    </message>
    <message>
        <source>The database reported an error: nothing was booked.</source>
        <translation>Die Datenbank meldet einen Fehler: nichts wurde gebucht.</translation>
    </message>
    <message>
        <source>The data was written by a newer pos-loyalty; please update the app.</source>
        <translation>Die Daten stammen von einer neueren pos-loyalty-Version; bitte die App aktualisieren.</translation>
    </message>
    <message>
        <source>No camera found. Check that it is plugged in and not used by another program, or choose another camera in the settings.</source>
        <translation>Keine Kamera gefunden. Prüfen, ob sie angeschlossen ist und kein anderes Programm sie benutzt, oder in den Einstellungen eine andere Kamera wählen.</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures (unplugged?).</source>
        <translation>Die Kamera sendet keine Bilder mehr (ausgesteckt?).</translation>
    </message>
    <message>
        <source>The camera does not work.</source>
        <translation>Die Kamera funktioniert nicht.</translation>
    </message>
    <message>
        <source>This file cannot be played as a video.</source>
        <translation>Diese Datei lässt sich nicht als Video abspielen.</translation>
    </message>
    <message>
        <source>There are no images to read.</source>
        <translation>Es gibt keine Bilder zum Lesen.</translation>
    </message>
    <message>
        <source>This is not an image.</source>
        <translation>Das ist kein Bild.</translation>
    </message>
    <message>
        <source>The server cannot be reached; working offline.</source>
        <translation>Der Server ist nicht erreichbar; es wird offline weitergearbeitet.</translation>
    </message>
    <message>
        <source>The server has a problem; will try again.</source>
        <translation>Der Server hat ein Problem; es wird später noch einmal versucht.</translation>
    </message>
    <message>
        <source>This terminal is not connected to a server yet (register it first).</source>
        <translation>Diese Kasse ist noch mit keinem Server verbunden (zuerst registrieren).</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood.</source>
        <translation>Die Antwort des Servers war nicht verständlich.</translation>
    </message>
    <message>
        <source>The server keeps asking for the same events again; giving up for now.</source>
        <translation>Der Server fordert immer wieder dieselben Buchungen an; vorerst abgebrochen.</translation>
    </message>
    <message>
        <source>The server and this app do not speak the same version; update the older one.</source>
        <translation>Server und App haben nicht dieselbe Version; bitte die ältere aktualisieren.</translation>
    </message>
    <message>
        <source>Syncing did not work; will try again.</source>
        <translation>Der Abgleich hat nicht geklappt; es wird später noch einmal versucht.</translation>
    </message>
    <message>
        <source>The server does not know this terminal; register it again.</source>
        <translation>Der Server kennt diese Kasse nicht; bitte neu registrieren.</translation>
    </message>
    <message>
        <source>The server has revoked this terminal; register it again with a new enrollment code.</source>
        <translation>Der Server hat diese Kasse gesperrt; bitte mit einem neuen Registrierungscode neu registrieren.</translation>
    </message>
    <message>
        <source>This enrollment code is not valid; ask for a new one.</source>
        <translation>Dieser Registrierungscode ist ungültig; bitte einen neuen anfordern.</translation>
    </message>
    <message>
        <source>This is a web link, not a loyalty card.</source>
        <translation>Das ist ein Weblink, keine Kundenkarte.</translation>
    </message>
    <message>
        <source>This is a product barcode, not a loyalty card.</source>
        <translation>Das ist ein Produkt-Barcode, keine Kundenkarte.</translation>
    </message>
    <message>
        <source>This card uses format %1, which this app does not know yet; please update the app.</source>
        <translation>Diese Karte hat das Format %1, das diese App noch nicht kennt; bitte die App aktualisieren.</translation>
    </message>
    <message>
        <source>This card has not been used yet: book a purchase or enroll to start it.</source>
        <translation>Diese Karte wurde noch nicht benutzt: einen Einkauf buchen oder den Kunden anlegen, um sie zu starten.</translation>
    </message>
    <message>
        <source>This card was blocked on %1 (%2). Use the customer&apos;s new card.</source>
        <translation>Diese Karte wurde am %1 gesperrt (%2). Bitte die neue Karte des Kunden nehmen.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more attempt(s), then signing in is locked for %1 minutes.</source>
        <translation>
            <numerusform>Falsche PIN. Noch %n Versuch, dann ist die Anmeldung %1 Minuten gesperrt.</numerusform>
            <numerusform>Falsche PIN. Noch %n Versuche, dann ist die Anmeldung %1 Minuten gesperrt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs for %1: locked for %n more minute(s).</source>
        <translation>
            <numerusform>Zu viele falsche PINs für %1: noch %n Minute gesperrt.</numerusform>
            <numerusform>Zu viele falsche PINs für %1: noch %n Minuten gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no active staff member called %1.</source>
        <translation>Kein aktives Teammitglied namens %1.</translation>
    </message>
    <message>
        <source>There is already a staff member called %1.</source>
        <translation>Es gibt schon ein Teammitglied namens %1.</translation>
    </message>
    <message>
        <source>Enter an amount, e.g. 12.50.</source>
        <translation>Bitte einen Betrag eingeben, z. B. 12,50.</translation>
    </message>
    <message>
        <source>The amount %1 is negative; to take back a purchase, undo it instead.</source>
        <translation>Der Betrag %1 ist negativ; einen Einkauf nimmt man mit „Rückgängig“ zurück.</translation>
    </message>
    <message>
        <source>“%1” is not an amount; type it like 12.50.</source>
        <translation>„%1“ ist kein Betrag; bitte so eingeben: 12,50.</translation>
    </message>
    <message>
        <source>“%1”: amounts in %2 have no decimals.</source>
        <translation>„%1“: Beträge in %2 haben keine Nachkommastellen.</translation>
    </message>
    <message>
        <source>“%1” has more than %2 decimals.</source>
        <translation>„%1“ hat mehr als %2 Nachkommastellen.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Der Betrag muss größer als null sein.</translation>
    </message>
    <message>
        <source>%1 is more than %2; please check the amount.</source>
        <translation>%1 ist mehr als %2; bitte den Betrag prüfen.</translation>
    </message>
    <message>
        <source>Say how much cashback to pay out.</source>
        <translation>Bitte angeben, wie viel Cashback ausgezahlt wird.</translation>
    </message>
    <message>
        <source>“%1” is not an item: write a code, optionally with a price (BIO-BREAD:4.20).</source>
        <translation>„%1“ ist kein Artikel: einen Code schreiben, wahlweise mit Preis (BIO-BROT:4,20).</translation>
    </message>
    <message>
        <source>The items cost more than the amount paid; check the prices.</source>
        <translation>Die Artikel kosten mehr als der bezahlte Betrag; bitte die Preise prüfen.</translation>
    </message>
    <message>
        <source>“%1” needs %2; the card has %3.</source>
        <translation>„%1“ braucht %2; die Karte hat %3.</translation>
    </message>
    <message>
        <source>“%1” needs %2; the balance is %3.</source>
        <translation>„%1“ braucht %2; das Konto hat %3.</translation>
    </message>
    <message>
        <source>Cannot take %1: the balance is %2.</source>
        <translation>Abzug von %1 nicht möglich: das Konto hat %2.</translation>
    </message>
    <message>
        <source>Only %1 cashback is available; asked for %2.</source>
        <translation>Es sind nur %1 Cashback verfügbar; gewünscht: %2.</translation>
    </message>
    <message>
        <source>Cashback can be paid out from %1 upwards.</source>
        <translation>Cashback wird erst ab %1 ausgezahlt.</translation>
    </message>
    <message>
        <source>There is no reward “%1”.</source>
        <translation>Die Prämie „%1“ gibt es nicht.</translation>
    </message>
    <message>
        <source>This program has no cashback.</source>
        <translation>Dieses Programm hat kein Cashback.</translation>
    </message>
    <message numerus="yes">
        <source>This till has not synced for %n minute(s): a customer can redeem at most %1 here until it is back online.</source>
        <translation>
            <numerusform>Diese Kasse hat seit %n Minute nicht abgeglichen: bis sie wieder online ist, kann ein Kunde hier höchstens %1 einlösen.</numerusform>
            <numerusform>Diese Kasse hat seit %n Minuten nicht abgeglichen: bis sie wieder online ist, kann ein Kunde hier höchstens %1 einlösen.</numerusform>
        </translation>
    </message>
    <message>
        <source>This till has not synced yet: a customer can redeem at most %1 here until it is back online.</source>
        <translation>Diese Kasse hat noch nie abgeglichen: bis sie online ist, kann ein Kunde hier höchstens %1 einlösen.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Birthday “%1” is not a date like 23.04.1990.</source>
        <translation>Geburtstag „%1“ ist kein Datum wie 23.04.1990.</translation>
    </message>
    <message>
        <source>Birthday %1 is not a plausible date.</source>
        <translation>Geburtstag %1 ist kein plausibles Datum.</translation>
    </message>
    <message>
        <source>No camera found (camera %1). Check that it is plugged in and not used by another program, or choose another camera in the settings.</source>
        <translation>Keine Kamera gefunden (Kamera %1). Prüfen, ob sie angeschlossen ist und kein anderes Programm sie benutzt, oder in den Einstellungen eine andere Kamera wählen.</translation>
    </message>
    <message>
        <source>%1: no such camera, video file or folder of images. Give a camera number (0, 1, …), a video file or a folder of images.</source>
        <translation>%1: keine Kamera, Videodatei oder Bilderordner. Eine Kameranummer (0, 1, …), eine Videodatei oder einen Bilderordner angeben.</translation>
    </message>
    <message>
        <source>Camera %1 stopped sending pictures (unplugged?).</source>
        <translation>Kamera %1 sendet keine Bilder mehr (ausgesteckt?).</translation>
    </message>
    <message>
        <source>Another sync is running on this terminal; this one is skipped.</source>
        <translation>Auf dieser Kasse läuft schon ein Abgleich; dieser wird übersprungen.</translation>
    </message>
</context>
<context>
    <name>OwnerPinDialog</name>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Owner PIN required</source>
        <translation>Inhaber-PIN nötig</translation>
    </message>
    <message>
        <source>Customers and staff are managed by the owner.</source>
        <translation>Kunden und Team verwaltet der Inhaber.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Only the owner can open this. Ask the owner to enter their PIN.</source>
        <translation>Nur der Inhaber kann das öffnen. Bitten Sie den Inhaber, seine PIN einzugeben.</translation>
    </message>
</context>
<context>
    <name>OwnerView</name>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Back to the counter  (Esc)</source>
        <translation>Zurück zur Kasse  (Esc)</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message numerus="yes">
        <source>%n stamp(s)</source>
        <translation>
            <numerusform>%n Stempel</numerusform>
            <numerusform>%n Stempel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n Punkt</numerusform>
            <numerusform>%n Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cashback</source>
        <translation>%1 Cashback</translation>
    </message>
    <message>
        <source>Booked; nothing earned this time.</source>
        <translation>Gebucht; diesmal nichts gesammelt.</translation>
    </message>
    <message>
        <source>New tier: %1</source>
        <translation>Neue Treuestufe: %1</translation>
    </message>
    <message>
        <source>Cashback paid out: %1</source>
        <translation>Cashback ausgezahlt: %1</translation>
    </message>
    <message>
        <source>Redeemed: %1</source>
        <translation>Eingelöst: %1</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Redeem</source>
        <translation>Einlösen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Available: %1. How much?</source>
        <translation>Verfügbar: %1. Wie viel?</translation>
    </message>
    <message>
        <source>Pay out cashback?</source>
        <translation>Cashback auszahlen?</translation>
    </message>
    <message>
        <source>Redeem “%1”?</source>
        <translation>„%1“ einlösen?</translation>
    </message>
    <message numerus="yes">
        <source>This takes %n stamp(s) from the card.</source>
        <translation>
            <numerusform>Dafür wird %n Stempel von der Karte genommen.</numerusform>
            <numerusform>Dafür werden %n Stempel von der Karte genommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This takes %n point(s).</source>
        <translation>
            <numerusform>Dafür wird %n Punkt abgezogen.</numerusform>
            <numerusform>Dafür werden %n Punkte abgezogen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Customers matching “%1”</source>
        <translation>Kunden zu „%1“</translation>
    </message>
    <message>
        <source>No customer matches “%1”.</source>
        <translation>Kein Kunde zu „%1“ gefunden.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Applies at once. %1=%2 is set, so the app starts in %3.</source>
        <translation>Gilt sofort. %1=%2 ist gesetzt, daher startet die App auf %3.</translation>
    </message>
    <message>
        <source>Applies at once and is kept for the next start.</source>
        <translation>Gilt sofort und bleibt für den nächsten Start gespeichert.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Anmeldecode</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Owner PIN</source>
        <translation>Inhaber-PIN</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Only the owner connects this till to a server.</source>
        <translation>Nur der Inhaber verbindet diese Kasse mit einem Server.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>Enter the server address and the enrollment code.</source>
        <translation>Serveradresse und Anmeldecode eingeben.</translation>
    </message>
    <message>
        <source>Only the owner can connect the till to a server.</source>
        <translation>Nur der Inhaber kann die Kasse mit einem Server verbinden.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Connected: shop %1 (%2). Sync starts now.</source>
        <translation>Verbunden: Filiale %1 (%2). Der Abgleich beginnt jetzt.</translation>
    </message>
    <message>
        <source>That is not a server address. Write it like https://loyalty.example.com.</source>
        <translation>Das ist keine Serveradresse. Schreiben Sie sie wie https://loyalty.example.com.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>Der Server ist nicht erreichbar. Bitte Adresse und Netzwerk prüfen.</translation>
    </message>
    <message>
        <source>This enrollment code is unknown, already used or expired. Ask for a new one.</source>
        <translation>Dieser Anmeldecode ist unbekannt, schon benutzt oder abgelaufen. Bitte einen neuen anfordern.</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Who is at the counter?</source>
        <translation>Wer steht an der Kasse?</translation>
    </message>
    <message>
        <source>No staff yet: add someone with &apos;pos-loyalty staff add&apos;.</source>
        <translation>Noch kein Team: jemanden mit &apos;pos-loyalty staff add&apos; hinzufügen.</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>PIN für %1</translation>
    </message>
    <message>
        <source>Tap your name, then type your PIN.</source>
        <translation>Namen antippen, dann PIN eingeben.</translation>
    </message>
    <message>
        <source>Tap your name first.</source>
        <translation>Zuerst den Namen antippen.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>PIN eingeben.</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>Teammitglied hinzufügen</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>Change PIN (unlocks)</source>
        <translation>PIN ändern (entsperrt)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Locked (wrong PINs)</source>
        <translation>Gesperrt (falsche PINs)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Select a staff member</source>
        <translation>Teammitglied auswählen</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>Die beiden PINs sind verschieden. Zweimal dieselbe PIN eingeben.</translation>
    </message>
    <message>
        <source>%1 can sign in now.</source>
        <translation>%1 kann sich jetzt anmelden.</translation>
    </message>
    <message>
        <source>The PIN of %1 is changed.</source>
        <translation>Die PIN von %1 ist geändert.</translation>
    </message>
    <message>
        <source>%1 is disabled.</source>
        <translation>%1 ist deaktiviert.</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 ist aktiviert.</translation>
    </message>
</context>
<context>
    <name>StampCard</name>
    <message>
        <source>%1 of %2 stamps</source>
        <translation>%1 von %2 Stempeln</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Gleiche ab …</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Abgeglichen</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Abgleich fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Abgleichen</translation>
    </message>
    <message>
        <source>%1 (press to sync again)</source>
        <translation>%1 (drücken für neuen Abgleich)</translation>
    </message>
    <message>
        <source>Offline (no server)</source>
        <translation>Offline (kein Server)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>The server cannot be reached. Bookings are kept here and sent when it is back.</source>
        <translation>Der Server ist nicht erreichbar. Buchungen bleiben hier gespeichert und werden gesendet, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <comment>sync conflicts: their number</comment>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Conflicts: %1. Points were redeemed at two tills while offline: a balance went negative. The owner should check it.</source>
        <translation>Konflikte: %1. Offline wurde an zwei Kassen eingelöst: ein Guthaben ist negativ. Bitte vom Inhaber prüfen lassen.</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Konflikte: %1</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Abgleich: nie</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Abgleich: %1</translation>
    </message>
    <message>
        <source>Server problem</source>
        <translation>Serverproblem</translation>
    </message>
    <message>
        <source>Terminal not accepted</source>
        <translation>Kasse abgelehnt</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Abgleichfehler</translation>
    </message>
    <message>
        <source>Check the clock</source>
        <translation>Uhrzeit prüfen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Settings: language, server</source>
        <translation>Einstellungen: Sprache, Server</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>who is signed in, and their role</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Unsynced events: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
</TS>
