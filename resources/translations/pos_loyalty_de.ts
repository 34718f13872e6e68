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
    <name>CameraPage</name>
    <message>
        <source>Read cards with a webcam: the preview shows on the counter screen. A USB scanner needs no setting here.</source>
        <translation>Karten mit einer Webcam lesen: Das Vorschaubild erscheint an der Kasse. Ein USB-Scanner braucht hier keine Einstellung.</translation>
    </message>
    <message>
        <source>Video file …</source>
        <translation>Videodatei …</translation>
    </message>
    <message>
        <source>Folder …</source>
        <translation>Ordner …</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>A video file or a folder of pictures of cards</source>
        <translation>Eine Videodatei oder ein Ordner mit Bildern von Karten</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Keine Kamera</translation>
    </message>
    <message>
        <source>A video file or a folder of pictures (demo, test)</source>
        <translation>Eine Videodatei oder ein Bilderordner (Demo, Test)</translation>
    </message>
    <message>
        <source>%1 (camera %2)</source>
        <translation>%1 (Kamera %2)</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Kamera %1</translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s) found on this computer.</source>
        <translation>
            <numerusform>%n Kamera an diesem Computer gefunden.</numerusform>
            <numerusform>%n Kameras an diesem Computer gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No camera found on this computer. Plug one in and press “Look again”.</source>
        <translation>Keine Kamera an diesem Computer gefunden. Schließen Sie eine an und tippen Sie auf „Erneut suchen“.</translation>
    </message>
    <message>
        <source>Choose a video file</source>
        <translation>Videodatei wählen</translation>
    </message>
    <message>
        <source>Choose a folder of pictures</source>
        <translation>Bilderordner wählen</translation>
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
    <name>CardReasonDialog</name>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Stolen</source>
        <translation>Gestohlen</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Other:</source>
        <translation>Anderer Grund:</translation>
    </message>
    <message>
        <source>In a few words</source>
        <translation>In wenigen Worten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Write the reason in a few words, or choose one above.</source>
        <translation>Schreiben Sie den Grund in wenigen Worten, oder wählen Sie oben einen aus.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
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
        <source>Owner …  (F12)</source>
        <translation>Inhaber …  (F12)</translation>
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
        <source>Export data …</source>
        <translation>Daten exportieren …</translation>
    </message>
    <message>
        <source>Everything held about the customer as a file, for them (GDPR)</source>
        <translation>Alles, was über die Kundin oder den Kunden gespeichert ist, als Datei für sie (DSGVO)</translation>
    </message>
    <message>
        <source>Erase …</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Erase the customer&apos;s personal data at their request (GDPR)</source>
        <translation>Die persönlichen Daten auf Wunsch der Kundin oder des Kunden löschen (DSGVO)</translation>
    </message>
    <message>
        <source>Import …</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <source>Import customers from a CSV file (a paper card list, another app)</source>
        <translation>Kunden aus einer CSV-Datei importieren (eine Liste der Papierkarten, eine andere App)</translation>
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
        <source>The data of %1 is saved in %2.</source>
        <translation>Die Daten von %1 sind in %2 gespeichert.</translation>
    </message>
    <message>
        <source>The personal data of %1 is erased and the cards are blocked; the bookings&apos; figures stay.</source>
        <translation>Die persönlichen Daten von %1 sind gelöscht und die Karten gesperrt; die Zahlen der Buchungen bleiben.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln customer(s). Search for them by name, phone, email or old card number.</source>
        <translation>
            <numerusform>%Ln Kunde importiert. Sie finden ihn über Name, Telefon, E-Mail oder die alte Kartennummer.</numerusform>
            <numerusform>%Ln Kunden importiert. Sie finden sie über Name, Telefon, E-Mail oder die alte Kartennummer.</numerusform>
        </translation>
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
        <source>New card</source>
        <translation>Neue Karte</translation>
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
    <name>EraseDataDialog</name>
    <message>
        <source>Erase customer data</source>
        <translation>Kundendaten löschen</translation>
    </message>
    <message>
        <source>Erase the personal data of %1? This cannot be undone.</source>
        <translation>Die persönlichen Daten von %1 löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>What goes</source>
        <translation>Was gelöscht wird</translation>
    </message>
    <message>
        <source>Name, email, phone number, birthday and email consent, and notes staff typed about them. Their cards are blocked: the customer is forgotten here.</source>
        <translation>Name, E-Mail, Telefonnummer, Geburtstag und E-Mail-Einwilligung sowie Notizen, die das Personal über die Person geschrieben hat. Ihre Karten werden gesperrt: Die Person wird hier vergessen.</translation>
    </message>
    <message>
        <source>What stays</source>
        <translation>Was bleibt</translation>
    </message>
    <message>
        <source>The account number and the figures of every booking (amounts, stamps, points, cashback), for the books. Nothing in them names the person.</source>
        <translation>Die Kontonummer und die Zahlen jeder Buchung (Beträge, Stempel, Punkte, Cashback) für die Buchhaltung. Nichts darin nennt die Person.</translation>
    </message>
    <message>
        <source>The other tills and the server erase it too when they next sync.</source>
        <translation>Die anderen Kassen und der Server löschen die Daten ebenfalls beim nächsten Abgleich.</translation>
    </message>
    <message>
        <source>Why? E.g. asked at the counter (no names)</source>
        <translation>Warum? Z. B. an der Kasse gewünscht (keine Namen)</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Write why the data is erased (it is kept in the record, without names).</source>
        <translation>Schreiben Sie, warum die Daten gelöscht werden (das wird protokolliert, ohne Namen).</translation>
    </message>
</context>
<context>
    <name>ExportDataDialog</name>
    <message>
        <source>Export customer data</source>
        <translation>Kundendaten exportieren</translation>
    </message>
    <message>
        <source>Everything this shop holds about %1 goes into one file: the details, the cards, every booking with its figures, and the record of exports and erasures.</source>
        <translation>Alles, was dieses Geschäft über %1 gespeichert hat, kommt in eine Datei: die Angaben, die Karten, jede Buchung mit ihren Zahlen und das Protokoll der Exporte und Löschungen.</translation>
    </message>
    <message>
        <source>Hand the file to the customer and do not keep copies: it is not encrypted.</source>
        <translation>Geben Sie die Datei der Kundin oder dem Kunden und behalten Sie keine Kopien: Sie ist nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>Choose …</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Datei speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save the customer&apos;s data</source>
        <translation>Die Daten der Kundin oder des Kunden speichern</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Wählen Sie, wo die Datei gespeichert werden soll.</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>The language of this till</source>
        <translation>Die Sprache dieser Kasse</translation>
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
        <source>About this till</source>
        <translation>Über diese Kasse</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (Version %2)</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
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
        <source>Opening balance (import)</source>
        <translation>Anfangsbestand (Import)</translation>
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
    <name>ImportCustomersDialog</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
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
        <source>Old card number</source>
        <translation>Alte Kartennummer</translation>
    </message>
    <message>
        <source>Agrees to emails</source>
        <translation>E-Mails erwünscht</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Nicht importieren</translation>
    </message>
    <message>
        <source>“%1” is not an email address</source>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>“%1” is not a phone number</source>
        <translation>„%1“ ist keine Telefonnummer</translation>
    </message>
    <message>
        <source>“%1”: Excel turned the phone number into a number; format the column as text and save the file again</source>
        <translation>„%1“: Excel hat die Telefonnummer in eine Zahl verwandelt; formatieren Sie die Spalte als Text und speichern Sie die Datei neu</translation>
    </message>
    <message>
        <source>“%1” is not a date like 23.04.1990</source>
        <translation>„%1“ ist kein Datum wie 23.04.1990</translation>
    </message>
    <message>
        <source>“%1” is not a day of the calendar</source>
        <translation>„%1“ gibt es im Kalender nicht</translation>
    </message>
    <message>
        <source>%1 is not a plausible birthday</source>
        <translation>%1 ist kein glaubhafter Geburtstag</translation>
    </message>
    <message>
        <source>“%1” is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>“%1” is negative</source>
        <translation>„%1“ ist negativ</translation>
    </message>
    <message>
        <source>“%1” is too large to be right</source>
        <translation>„%1“ ist zu groß, um zu stimmen</translation>
    </message>
    <message>
        <source>“%1” is not an amount of money like 12,50</source>
        <translation>„%1“ ist kein Geldbetrag wie 12,50</translation>
    </message>
    <message>
        <source>“%1” is neither yes nor no</source>
        <translation>„%1“ ist weder ja noch nein</translation>
    </message>
    <message>
        <source>no name, email, phone or card number</source>
        <translation>kein Name, keine E-Mail, kein Telefon, keine Kartennummer</translation>
    </message>
    <message>
        <source>%2 field(s) more than the header (a separator inside a field without quotes?)</source>
        <translation>%2 Feld(er) mehr als die Kopfzeile (ein Trennzeichen in einem Feld ohne Anführungszeichen?)</translation>
    </message>
    <message>
        <source>the same customer as line %2</source>
        <translation>derselbe Kunde wie in Zeile %2</translation>
    </message>
    <message>
        <source>card number %1 is also in line %2</source>
        <translation>Kartennummer %1 steht auch in Zeile %2</translation>
    </message>
    <message>
        <source>already a customer: %2</source>
        <translation>schon Kunde: %2</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>Kunden importieren</translation>
    </message>
    <message>
        <source>Bring the customers of a paper card file or another loyalty app into this shop, with their stamps, points and cashback.</source>
        <translation>Übernehmen Sie die Kunden einer Papierkartei oder einer anderen Bonus-App, mit ihren Stempeln, Punkten und ihrem Cashback.</translation>
    </message>
    <message>
        <source>Choose a CSV file with one customer per row and the column names in the first row, as Excel saves it (File › Save as › CSV) or another app exports it. Nothing is imported before you have seen what would be.</source>
        <translation>Wählen Sie eine CSV-Datei mit einem Kunden pro Zeile und den Spaltennamen in der ersten Zeile, wie Excel sie speichert (Datei › Speichern unter › CSV) oder eine andere App sie exportiert. Importiert wird erst, wenn Sie gesehen haben, was importiert würde.</translation>
    </message>
    <message>
        <source>Choose a CSV file …</source>
        <translation>CSV-Datei wählen …</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte der Datei</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importieren als</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Zeilen prüfen</translation>
    </message>
    <message>
        <source>Which column holds what?</source>
        <translation>Welche Spalte enthält was?</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Save the problems …</source>
        <translation>Probleme speichern …</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>Vor dem Import prüfen</translation>
    </message>
    <message>
        <source>The customers are saved all together at the end: if you stop, nothing is imported.</source>
        <translation>Die Kunden werden am Ende alle zusammen gespeichert: Wenn Sie abbrechen, wird nichts importiert.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Every imported customer has a new card. Print them all at once (ten to an A4 page, to cut out), or save the list of names and card numbers for a print shop. The old card numbers still find the customers in the search.</source>
        <translation>Jeder importierte Kunde hat eine neue Karte. Drucken Sie alle auf einmal (zehn pro A4-Seite, zum Ausschneiden) oder speichern Sie die Liste der Namen und Kartennummern für eine Druckerei. Die alten Kartennummern finden die Kunden weiterhin in der Suche.</translation>
    </message>
    <message>
        <source>Save the cards as PDF …</source>
        <translation>Karten als PDF speichern …</translation>
    </message>
    <message>
        <source>Save the card list as CSV …</source>
        <translation>Kartenliste als CSV speichern …</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Columns that are recognised by their names, in English or German: name (or first and last name), email, phone, birthday, stamps, points, cashback, old card number and consent to emails.</source>
        <translation>Spalten, die an ihrem Namen erkannt werden, deutsch oder englisch: Name (oder Vor- und Nachname), E-Mail, Telefon, Geburtstag, Stempel, Punkte, Cashback/Guthaben, alte Kartennummer und Einwilligung in E-Mails.</translation>
    </message>
    <message>
        <source>Save the problems, correct those rows in your file and save it, then press “Read the file again”.</source>
        <translation>Speichern Sie die Probleme, korrigieren Sie diese Zeilen in Ihrer Datei und speichern Sie sie, dann drücken Sie „Datei neu einlesen“.</translation>
    </message>
    <message>
        <source>Please wait …</source>
        <translation>Bitte warten …</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose the customer file</source>
        <translation>Kundendatei wählen</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading the file …</source>
        <translation>Datei wird gelesen …</translation>
    </message>
    <message>
        <source>%1: %2 rows. The columns were recognised by their names: check them, and change what is wrong.</source>
        <translation>%1: %2 Zeilen. Die Spalten wurden an ihren Namen erkannt: Prüfen Sie sie und ändern Sie, was nicht stimmt.</translation>
    </message>
    <message>
        <source>(column %1)</source>
        <translation>(Spalte %1)</translation>
    </message>
    <message>
        <source>Checking every row …</source>
        <translation>Jede Zeile wird geprüft …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) will be imported, each with a new card.</source>
        <translation>
            <numerusform>%Ln Kunde wird importiert, mit einer neuen Karte.</numerusform>
            <numerusform>%Ln Kunden werden importiert, jeder mit einer neuen Karte.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no one new to import in this file.</source>
        <translation>In dieser Datei ist niemand Neues zu importieren.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln stamp(s)</source>
        <translation>
            <numerusform>%Ln Stempel</numerusform>
            <numerusform>%Ln Stempel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln Punkt</numerusform>
            <numerusform>%Ln Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cashback</source>
        <translation>%1 Cashback</translation>
    </message>
    <message>
        <source>Opening balances: %1.</source>
        <translation>Anfangsbestände: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) have problems (see the list) and cannot be imported as they are.</source>
        <translation>
            <numerusform>%Ln Zeile hat Probleme (siehe Liste) und kann so nicht importiert werden.</numerusform>
            <numerusform>%Ln Zeilen haben Probleme (siehe Liste) und können so nicht importiert werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) were imported before and are left alone.</source>
        <translation>
            <numerusform>%Ln Zeile wurde schon früher importiert und bleibt, wie sie ist.</numerusform>
            <numerusform>%Ln Zeilen wurden schon früher importiert und bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>This very file was imported before, on %1.</source>
        <translation>Genau diese Datei wurde schon einmal importiert, am %1.</translation>
    </message>
    <message>
        <source>Import the %1 good rows now, and skip the %2 rows with problems</source>
        <translation>Die %1 guten Zeilen jetzt importieren und die %2 Zeilen mit Problemen auslassen</translation>
    </message>
    <message>
        <source>New customers (%1)</source>
        <translation>Neue Kunden (%1)</translation>
    </message>
    <message>
        <source>New customers (the first %1 of %2)</source>
        <translation>Neue Kunden (die ersten %1 von %2)</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Problems (the first %1 of %2: save them to see all)</source>
        <translation>Probleme (die ersten %1 von %2; speichern Sie sie, um alle zu sehen)</translation>
    </message>
    <message>
        <source>Read the file again</source>
        <translation>Datei neu einlesen</translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln customer(s)</source>
        <translation>
            <numerusform>%Ln Kunden importieren</numerusform>
            <numerusform>%Ln Kunden importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1 customers …</source>
        <translation>%1 Kunden werden importiert …</translation>
    </message>
    <message>
        <source>Stopping: taking back what was started …</source>
        <translation>Wird abgebrochen: Begonnenes wird zurückgenommen …</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <source>Fix the file first (nothing is imported now)</source>
        <translation>Erst die Datei korrigieren (jetzt wird nichts importiert)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) imported, each with a new card.</source>
        <translation>
            <numerusform>%Ln Kunde importiert, mit einer neuen Karte.</numerusform>
            <numerusform>%Ln Kunden importiert, jeder mit einer neuen Karte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with problems were skipped: save them to fix and import them later.</source>
        <translation>
            <numerusform>%Ln Zeile mit Problemen wurde ausgelassen: Speichern Sie sie, um sie zu korrigieren und später zu importieren.</numerusform>
            <numerusform>%Ln Zeilen mit Problemen wurden ausgelassen: Speichern Sie sie, um sie zu korrigieren und später zu importieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stamps, points and cashback from the file are booked as opening balances.</source>
        <translation>Stempel, Punkte und Cashback aus der Datei sind als Anfangsbestand gebucht.</translation>
    </message>
    <message>
        <source>Importing: %1 of %2 customers …</source>
        <translation>Import: %1 von %2 Kunden …</translation>
    </message>
    <message>
        <source>Save the rows with problems</source>
        <translation>Zeilen mit Problemen speichern</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>probleme</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Save the new cards for printing</source>
        <translation>Neue Karten zum Drucken speichern</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>karten</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF-Datei (*.pdf)</translation>
    </message>
    <message>
        <source>Save the list of new cards</source>
        <translation>Liste der neuen Karten speichern</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>Neue Karte</translation>
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
        <source>That did not work: %1</source>
        <translation>Das hat nicht geklappt: %1</translation>
    </message>
</context>
<context>
    <name>KeyFigures</name>
    <message>
        <source>New members</source>
        <translation>Neue Mitglieder</translation>
    </message>
    <message>
        <source>Customers who got a loyalty card in this period.</source>
        <translation>Kunden, die in diesem Zeitraum eine Kundenkarte bekommen haben.</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Aktive Mitglieder</translation>
    </message>
    <message>
        <source>Members with a visit in the 90 days up to the end of the period.</source>
        <translation>Mitglieder mit einem Besuch in den 90 Tagen bis zum Ende des Zeitraums.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Besuche</translation>
    </message>
    <message>
        <source>Purchases booked on a loyalty card in this period.</source>
        <translation>Einkäufe, die in diesem Zeitraum auf eine Kundenkarte gebucht wurden.</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>What customers with a loyalty card spent in this period.</source>
        <translation>Was Kunden mit Kundenkarte in diesem Zeitraum ausgegeben haben.</translation>
    </message>
    <message>
        <source>Average spend per visit</source>
        <translation>Umsatz pro Besuch</translation>
    </message>
    <message>
        <source>Revenue divided by visits.</source>
        <translation>Umsatz geteilt durch die Zahl der Besuche.</translation>
    </message>
    <message>
        <source>Repeat-visit rate</source>
        <translation>Wiederkehrquote</translation>
    </message>
    <message>
        <source>Of the customers who came in this period, the share who came twice or more.</source>
        <translation>Von den Kunden, die in diesem Zeitraum kamen, der Anteil, der zweimal oder öfter kam.</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Kundenwert</translation>
    </message>
    <message>
        <source>What a member has spent on average since they joined.</source>
        <translation>Was ein Mitglied seit der Anmeldung im Durchschnitt ausgegeben hat.</translation>
    </message>
    <message>
        <source>First reward within 90 days</source>
        <translation>Erste Prämie in 90 Tagen</translation>
    </message>
    <message>
        <source>Of the members who joined in this period, the share who reached their first reward within 90 days. Programs aim for at least half.</source>
        <translation>Von den Mitgliedern, die in diesem Zeitraum dazukamen, der Anteil, der die erste Prämie innerhalb von 90 Tagen erreicht hat. Ziel guter Programme: mindestens die Hälfte.</translation>
    </message>
    <message>
        <source>Time to first reward</source>
        <translation>Zeit bis zur ersten Prämie</translation>
    </message>
    <message>
        <source>On average, how long new members took to reach their first reward.</source>
        <translation>Wie lange neue Mitglieder im Durchschnitt bis zu ihrer ersten eingelösten Prämie brauchten.</translation>
    </message>
    <message>
        <source>Stamps issued</source>
        <translation>Ausgegebene Stempel</translation>
    </message>
    <message>
        <source>Stamps customers earned in this period.</source>
        <translation>Stempel, die Kunden in diesem Zeitraum bekamen.</translation>
    </message>
    <message>
        <source>Stamps redeemed</source>
        <translation>Eingelöste Stempel</translation>
    </message>
    <message>
        <source>Stamps customers spent on rewards in this period.</source>
        <translation>Stempel, die Kunden in diesem Zeitraum für Prämien eingelöst haben.</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>Ausgegebene Punkte</translation>
    </message>
    <message>
        <source>Points customers earned in this period.</source>
        <translation>Punkte, die Kunden in diesem Zeitraum bekamen.</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Eingelöste Punkte</translation>
    </message>
    <message>
        <source>Points customers spent on rewards in this period.</source>
        <translation>Punkte, die Kunden in diesem Zeitraum für Prämien eingelöst haben.</translation>
    </message>
    <message>
        <source>Cashback issued</source>
        <translation>Ausgegebenes Cashback</translation>
    </message>
    <message>
        <source>Cashback customers earned in this period.</source>
        <translation>Cashback, das Kunden in diesem Zeitraum gutgeschrieben bekamen.</translation>
    </message>
    <message>
        <source>Cashback redeemed</source>
        <translation>Eingelöstes Cashback</translation>
    </message>
    <message>
        <source>Cashback customers took off their bills in this period.</source>
        <translation>Cashback, das Kunden in diesem Zeitraum mit ihrer Rechnung verrechnet haben.</translation>
    </message>
    <message>
        <source>Outstanding liability</source>
        <translation>Offene Verbindlichkeit</translation>
    </message>
    <message>
        <source>What customers could still redeem (stamps, points and cashback not yet used), in money: what the program owes them.</source>
        <translation>Was Kunden noch einlösen könnten (Stempel, Punkte und Cashback, noch nicht genutzt), in Geld: was das Programm ihnen schuldet.</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Punkte verfallen</translation>
    </message>
    <message>
        <source>Points that ran out unused in this period.</source>
        <translation>Punkte, die in diesem Zeitraum ungenutzt verfallen sind.</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>Spenden</translation>
    </message>
    <message>
        <source>Rewards customers gave to a good cause in this period.</source>
        <translation>Prämien, die Kunden in diesem Zeitraum für einen guten Zweck gespendet haben.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>= same as before</source>
        <translation>= unverändert</translation>
    </message>
    <message>
        <source>▲ up from %1</source>
        <translation>▲ gestiegen, vorher %1</translation>
    </message>
    <message>
        <source>▼ down from %1</source>
        <translation>▼ gesunken, vorher %1</translation>
    </message>
    <message>
        <source>of %1 members</source>
        <translation>von %1 Mitgliedern</translation>
    </message>
    <message>
        <source>%1 by identified members, %2 by anonymous cards</source>
        <translation>%1 von bekannten Mitgliedern, %2 von anonymen Karten</translation>
    </message>
    <message>
        <source>%1 from identified members</source>
        <translation>%1 von bekannten Mitgliedern</translation>
    </message>
    <message>
        <source>members stay %1 on average</source>
        <translation>Mitglieder bleiben im Durchschnitt %1</translation>
    </message>
    <message>
        <source>%1 points, worth %2</source>
        <translation>%1 Punkte im Wert von %2</translation>
    </message>
    <message>
        <source>Aim: at least %1</source>
        <translation>Ziel: mindestens %1</translation>
    </message>
    <message>
        <source>%1 of %2 new members</source>
        <translation>%1 von %2 neuen Mitgliedern</translation>
    </message>
    <message numerus="yes">
        <source>(%Ln still have time)</source>
        <translation>
            <numerusform>(%Ln hat noch Zeit)</numerusform>
            <numerusform>(%Ln haben noch Zeit)</numerusform>
        </translation>
    </message>
    <message>
        <source>Redemption rate: %1</source>
        <translation>Einlösequote: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln stamp(s)</source>
        <translation>
            <numerusform>%Ln Stempel</numerusform>
            <numerusform>%Ln Stempel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln Punkt</numerusform>
            <numerusform>%Ln Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cashback</source>
        <translation>%1 Cashback</translation>
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
    <message>
        <source>Keep the other account (%1)</source>
        <translation>Das andere Konto behalten (%1)</translation>
    </message>
    <message>
        <source>The stamps, points, cashback and cards of %1 move to %2; the account of %1 is closed.</source>
        <translation>Stempel, Punkte, Cashback und Karten von %1 gehen auf %2 über; das Konto von %1 wird geschlossen.</translation>
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
        <source>The key to the customers&apos; names and contact details is missing. Restore it with &apos;pos-loyalty key import FILE&apos; from the copy you exported, or put the data folder&apos;s keys folder back.</source>
        <translation>Der Schlüssel zu den Namen und Kontaktdaten der Kundschaft fehlt. Stellen Sie ihn mit „pos-loyalty key import DATEI“ aus der exportierten Kopie wieder her oder legen Sie den Ordner keys des Datenordners zurück.</translation>
    </message>
    <message>
        <source>The key found is not the one the customers&apos; names were encrypted with. Restore the right key with &apos;pos-loyalty key import FILE&apos;.</source>
        <translation>Der gefundene Schlüssel ist nicht der, mit dem die Namen der Kundschaft verschlüsselt wurden. Stellen Sie den richtigen mit „pos-loyalty key import DATEI“ wieder her.</translation>
    </message>
    <message>
        <source>The stored key to the customers&apos; names is damaged. Restore it with &apos;pos-loyalty key import FILE&apos;.</source>
        <translation>Der gespeicherte Schlüssel zu den Namen der Kundschaft ist beschädigt. Stellen Sie ihn mit „pos-loyalty key import DATEI“ wieder her.</translation>
    </message>
    <message>
        <source>A customer&apos;s details cannot be decrypted: the key is wrong or the database was altered.</source>
        <translation>Die Angaben einer Kundin oder eines Kunden lassen sich nicht entschlüsseln: Der Schlüssel ist falsch oder die Datenbank wurde verändert.</translation>
    </message>
    <message>
        <source>This customer&apos;s personal data was erased at their request: the account stays anonymous.</source>
        <translation>Die persönlichen Daten dieser Person wurden auf ihren Wunsch gelöscht: Das Konto bleibt anonym.</translation>
    </message>
    <message>
        <source>This customer&apos;s data was already erased.</source>
        <translation>Die Daten dieser Person wurden bereits gelöscht.</translation>
    </message>
    <message>
        <source>Say why the data is erased; it is kept in the record.</source>
        <translation>Sagen Sie, warum die Daten gelöscht werden; das wird protokolliert.</translation>
    </message>
    <message>
        <source>The file cannot be written there. Choose another folder.</source>
        <translation>Die Datei kann dort nicht geschrieben werden. Wählen Sie einen anderen Ordner.</translation>
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
        <source>This file cannot be imported.</source>
        <translation>Diese Datei lässt sich nicht importieren.</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Die Datei lässt sich nicht lesen.</translation>
    </message>
    <message>
        <source>The file is too large for a customer list (at most 50 MB).</source>
        <translation>Die Datei ist zu groß für eine Kundenliste (höchstens 50 MB).</translation>
    </message>
    <message>
        <source>This is not a CSV file. In Excel choose File › Save as › CSV.</source>
        <translation>Das ist keine CSV-Datei. Wählen Sie in Excel Datei › Speichern unter › CSV.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file has a header row but no customers.</source>
        <translation>Die Datei hat eine Kopfzeile, aber keine Kunden.</translation>
    </message>
    <message>
        <source>The file has no header row: the first line must name the columns (e.g. Name;E-Mail;Stempel).</source>
        <translation>Die Datei hat keine Kopfzeile: Die erste Zeile muss die Spalten benennen (z. B. Name;E-Mail;Stempel).</translation>
    </message>
    <message>
        <source>Two columns have the same name; rename one of them.</source>
        <translation>Zwei Spalten haben denselben Namen; benennen Sie eine um.</translation>
    </message>
    <message>
        <source>Two columns are imported as the same thing; choose one.</source>
        <translation>Zwei Spalten werden als dasselbe importiert; wählen Sie eine.</translation>
    </message>
    <message>
        <source>Import either a full name or first and last name, not both.</source>
        <translation>Importieren Sie entweder den ganzen Namen oder Vor- und Nachnamen, nicht beides.</translation>
    </message>
    <message>
        <source>No column is imported as the name, email, phone or old card number: choose at least one, so each customer can be told apart.</source>
        <translation>Keine Spalte wird als Name, E-Mail, Telefon oder alte Kartennummer importiert: Wählen Sie mindestens eine, damit sich die Kunden unterscheiden lassen.</translation>
    </message>
    <message>
        <source>The file has stamps, but the loyalty program has none. Import that column as “Not imported”, or load a program with stamps first.</source>
        <translation>Die Datei hat Stempel, das Bonusprogramm aber keine. Stellen Sie die Spalte auf „Nicht importieren“ oder laden Sie zuerst ein Programm mit Stempeln.</translation>
    </message>
    <message>
        <source>The file has points, but the loyalty program has none. Import that column as “Not imported”, or load a program with points first.</source>
        <translation>Die Datei hat Punkte, das Bonusprogramm aber keine. Stellen Sie die Spalte auf „Nicht importieren“ oder laden Sie zuerst ein Programm mit Punkten.</translation>
    </message>
    <message>
        <source>The file has cashback, but the loyalty program has none. Import that column as “Not imported”, or load a program with cashback first.</source>
        <translation>Die Datei hat Cashback, das Bonusprogramm aber keines. Stellen Sie die Spalte auf „Nicht importieren“ oder laden Sie zuerst ein Programm mit Cashback.</translation>
    </message>
    <message>
        <source>Some rows have problems; nothing was imported.</source>
        <translation>Einige Zeilen haben Probleme; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The import was stopped; nothing was imported.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts importiert.</translation>
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
        <source>%1 is not a text file (an Excel workbook?). In Excel choose File › Save as › CSV.</source>
        <translation>%1 ist keine Textdatei (eine Excel-Arbeitsmappe?). Wählen Sie in Excel Datei › Speichern unter › CSV.</translation>
    </message>
    <message>
        <source>%1, line %2: the file cannot be read as CSV.</source>
        <translation>%1, Zeile %2: Die Datei lässt sich nicht als CSV lesen.</translation>
    </message>
    <message>
        <source>Columns %1 and %2 are both called “%3”; rename one of them.</source>
        <translation>Die Spalten %1 und %2 heißen beide „%3“; benennen Sie eine um.</translation>
    </message>
    <message>
        <source>The columns “%1” and “%2” are both imported as the same thing; choose one.</source>
        <translation>Die Spalten „%1“ und „%2“ werden beide als dasselbe importiert; wählen Sie eine.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems; nothing was imported. Fix the file, or choose to skip those rows.</source>
        <translation>
            <numerusform>%n Zeile hat Probleme; es wurde nichts importiert. Korrigieren Sie die Datei oder lassen Sie die Zeile aus.</numerusform>
            <numerusform>%n Zeilen haben Probleme; es wurde nichts importiert. Korrigieren Sie die Datei oder lassen Sie diese Zeilen aus.</numerusform>
        </translation>
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
    <name>MessagesView</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>E-mail settings</source>
        <translation>E-Mail-Einstellungen</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Texte</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Held back</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The customer has not agreed to e-mails.</source>
        <translation>Keine Einwilligung in E-Mails.</translation>
    </message>
    <message>
        <source>The customer unsubscribed.</source>
        <translation>Der Kunde hat sich abgemeldet.</translation>
    </message>
    <message>
        <source>No e-mail address.</source>
        <translation>Keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Another offer went out in the last days (at most one a week).</source>
        <translation>In den letzten Tagen ging schon ein Angebot hinaus (höchstens eins pro Woche).</translation>
    </message>
    <message>
        <source>A birthday message went out less than a year ago.</source>
        <translation>Vor weniger als einem Jahr ging schon ein Geburtstagsgruß hinaus.</translation>
    </message>
    <message>
        <source>A “we miss you” went out less than three months ago.</source>
        <translation>Vor weniger als drei Monaten ging schon ein „Wir vermissen Sie“ hinaus.</translation>
    </message>
    <message>
        <source>Its moment had passed before it could be sent.</source>
        <translation>Der Anlass war vorbei, bevor sie gesendet werden konnte.</translation>
    </message>
    <message>
        <source>No longer true when it was due (e.g. the reward was redeemed).</source>
        <translation>Stimmte nicht mehr, als sie fällig war (z. B. Prämie schon eingelöst).</translation>
    </message>
    <message>
        <source>This till&apos;s e-mail settings were removed before it went out.</source>
        <translation>Die E-Mail-Einstellungen dieser Kasse wurden vorher entfernt.</translation>
    </message>
    <message>
        <source>The mail server refused it.</source>
        <translation>Der Mailserver hat sie abgelehnt.</translation>
    </message>
    <message>
        <source>The mail server could not be reached after several attempts.</source>
        <translation>Der Mailserver war nach mehreren Versuchen nicht erreichbar.</translation>
    </message>
    <message>
        <source>Sending was interrupted; not sent again to avoid a duplicate.</source>
        <translation>Das Senden wurde unterbrochen; nicht erneut gesendet, damit sie nicht doppelt ankommt.</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>keine Einwilligung</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>one offer a week</source>
        <translation>ein Angebot pro Woche</translation>
    </message>
    <message>
        <source>one birthday a year</source>
        <translation>ein Geburtstag pro Jahr</translation>
    </message>
    <message>
        <source>one a quarter</source>
        <translation>eins pro Quartal</translation>
    </message>
    <message>
        <source>too late</source>
        <translation>zu spät</translation>
    </message>
    <message>
        <source>no longer true</source>
        <translation>nicht mehr zutreffend</translation>
    </message>
    <message>
        <source>till stopped sending</source>
        <translation>Kasse sendet nicht mehr</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>server unreachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Gesendet %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>%1 · from %2</source>
        <translation>%1 · von %2</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Goes out from %1</source>
        <translation>Geht ab %1 hinaus</translation>
    </message>
    <message>
        <source>attempt %1 failed: %2</source>
        <translation>Versuch %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Alle Nachrichten</translation>
    </message>
    <message>
        <source>The shop&apos;s language</source>
        <translation>Sprache des Geschäfts</translation>
    </message>
    <message>
        <source>Plan and send now</source>
        <translation>Jetzt planen und senden</translation>
    </message>
    <message>
        <source>This till does it every few minutes by itself</source>
        <translation>Die Kasse tut das alle paar Minuten von selbst</translation>
    </message>
    <message>
        <source>%1 sent · %2 waiting · %3 held back · %4 failed</source>
        <translation>%1 gesendet · %2 wartend · %3 zurückgehalten · %4 fehlgeschlagen</translation>
    </message>
    <message>
        <source>This till sends no e-mails itself: set up a mail server under “E-mail settings”. If the central server has one, it sends them, and they are listed here after the next sync.</source>
        <translation>Diese Kasse sendet selbst keine E-Mails: Richten Sie unter „E-Mail-Einstellungen“ einen Mailserver ein. Hat der zentrale Server einen, sendet er sie, und sie erscheinen hier nach dem nächsten Abgleich.</translation>
    </message>
    <message>
        <source>This till sends its shop&apos;s messages every few minutes, each once the central server has confirmed that no other till sends it.</source>
        <translation>Diese Kasse sendet alle paar Minuten die Nachrichten ihres Geschäfts, jede erst, wenn der zentrale Server bestätigt hat, dass keine andere Kasse sie sendet.</translation>
    </message>
    <message>
        <source>This till plans and sends its customers&apos; messages every few minutes.</source>
        <translation>Diese Kasse plant und sendet alle paar Minuten die Nachrichten an ihre Kunden.</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Choose a message to read it.</source>
        <translation>Wählen Sie eine Nachricht, um sie zu lesen.</translation>
    </message>
    <message>
        <source>Stop e-mails</source>
        <translation>E-Mails stoppen</translation>
    </message>
    <message>
        <source>this till</source>
        <translation>dieser Kasse</translation>
    </message>
    <message>
        <source>the central server</source>
        <translation>dem zentralen Server</translation>
    </message>
    <message>
        <source>another till</source>
        <translation>einer anderen Kasse</translation>
    </message>
    <message>
        <source>This customer</source>
        <translation>Dieser Kunde</translation>
    </message>
    <message>
        <source>%1 gets e-mails (%2).</source>
        <translation>%1 bekommt E-Mails (%2).</translation>
    </message>
    <message>
        <source>no address yet</source>
        <translation>noch keine Adresse</translation>
    </message>
    <message>
        <source>%1 gets no e-mails.</source>
        <translation>%1 bekommt keine E-Mails.</translation>
    </message>
    <message>
        <source>Allow e-mails</source>
        <translation>E-Mails erlauben</translation>
    </message>
    <message>
        <source>Saved. Every till learns it with the next sync.</source>
        <translation>Gespeichert. Alle Kassen erfahren es beim nächsten Abgleich.</translation>
    </message>
    <message>
        <source>Planning and sending …</source>
        <translation>Planen und senden …</translation>
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
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Custom …</source>
        <translation>Zeitraum …</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Vom</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>The end date is before the start date. Pick an end on or after the start.</source>
        <translation>Das Enddatum liegt vor dem Startdatum. Bitte ein Ende am oder nach dem Start wählen.</translation>
    </message>
    <message>
        <source>That range is too long for one report. Pick a shorter range.</source>
        <translation>Dieser Zeitraum ist für einen Bericht zu lang. Bitte einen kürzeren wählen.</translation>
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
    <name>PrinterPage</name>
    <message>
        <source>Customer cards print on a card-sized page (85.6 × 54 mm). With a printer chosen here, “Print” prints at once; otherwise the print dialog asks.</source>
        <translation>Kundenkarten werden im Kartenformat gedruckt (85,6 × 54 mm). Ist hier ein Drucker gewählt, druckt „Drucken“ sofort; sonst fragt der Druckdialog.</translation>
    </message>
    <message>
        <source>Ask every time</source>
        <translation>Jedes Mal fragen</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Cards can still be saved as PDF (in the print dialog) or as a picture.</source>
        <translation>An diesem Computer ist kein Drucker eingerichtet. Karten lassen sich trotzdem als PDF (im Druckdialog) oder als Bild speichern.</translation>
    </message>
    <message>
        <source>Print a blank card …</source>
        <translation>Leere Karte drucken …</translation>
    </message>
</context>
<context>
    <name>ProgramEditor</name>
    <message>
        <source>Open file…</source>
        <translation>Datei öffnen …</translation>
    </message>
    <message>
        <source>Export file…</source>
        <translation>Datei exportieren …</translation>
    </message>
    <message>
        <source>Show the mistake</source>
        <translation>Zum Fehler</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Save as new version  (Ctrl+S)</source>
        <translation>Als neue Version speichern  (Strg+S)</translation>
    </message>
    <message>
        <source>Mistake in %1: fix it to save.</source>
        <translation>Fehler in %1: erst beheben, dann speichern.</translation>
    </message>
    <message>
        <source>Mistake in %1: %2</source>
        <translation>Fehler in %1: %2</translation>
    </message>
    <message>
        <source>Mistake: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Unsaved changes: the counter still uses the version in force.</source>
        <translation>Nicht gespeicherte Änderungen: Die Kasse arbeitet noch mit der geltenden Version.</translation>
    </message>
    <message>
        <source>Version %1 is in force.</source>
        <translation>Version %1 gilt.</translation>
    </message>
    <message>
        <source>No program yet: switch on stamps, points or cashback and save.</source>
        <translation>Noch kein Programm: Schalten Sie Stempel, Punkte oder Cashback ein und speichern Sie.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Every saved version. A program file can be opened here to edit, or the program exported as a file.</source>
        <translation>Alle gespeicherten Versionen. Eine Programmdatei lässt sich hier zum Bearbeiten öffnen, oder das Programm als Datei exportieren.</translation>
    </message>
    <message>
        <source>This till is connected to your chain&apos;s server. A program the chain&apos;s admin uploads there replaces the one here at the next sync; what you save here applies to this till only until then. To change the program for every shop, export the file and send it to the admin.</source>
        <translation>Diese Kasse ist mit dem Server Ihrer Kette verbunden. Ein Programm, das die Verwaltung der Kette dort hochlädt, ersetzt das Programm hier beim nächsten Abgleich; was Sie hier speichern, gilt bis dahin nur für diese Kasse. Um das Programm für alle Geschäfte zu ändern, exportieren Sie die Datei und schicken Sie sie der Verwaltung.</translation>
    </message>
    <message>
        <source>The program in force came from the server.</source>
        <translation>Das geltende Programm kam vom Server.</translation>
    </message>
    <message>
        <source>This till is connected to a server: a program the chain&apos;s admin uploads there later replaces this one.</source>
        <translation>Diese Kasse ist mit einem Server verbunden: Ein Programm, das die Verwaltung der Kette dort später hochlädt, ersetzt dieses.</translation>
    </message>
    <message>
        <source>Save as version %1?</source>
        <translation>Als Version %1 speichern?</translation>
    </message>
    <message>
        <source>From now on the counter books purchases under version %1. Bookings made so far keep the version they were booked under.</source>
        <translation>Ab jetzt bucht die Kasse Einkäufe nach Version %1. Bisherige Buchungen behalten die Version, nach der sie gebucht wurden.</translation>
    </message>
    <message>
        <source>Save version %1</source>
        <translation>Version %1 speichern</translation>
    </message>
    <message>
        <source>Saved as version %1: the counter uses it now.</source>
        <translation>Als Version %1 gespeichert: Die Kasse verwendet sie ab jetzt.</translation>
    </message>
    <message>
        <source>Version %1 is saved again as version %2 and applies from now on. Bookings made so far keep their versions.</source>
        <translation>Version %1 wird erneut als Version %2 gespeichert und gilt ab jetzt. Bisherige Buchungen behalten ihre Versionen.</translation>
    </message>
    <message>
        <source>Your unsaved changes in the editor are discarded.</source>
        <translation>Ihre nicht gespeicherten Änderungen im Editor werden verworfen.</translation>
    </message>
    <message>
        <source>Restore version %1?</source>
        <translation>Version %1 wiederherstellen?</translation>
    </message>
    <message>
        <source>Restore as version %1</source>
        <translation>Als Version %1 wiederherstellen</translation>
    </message>
    <message>
        <source>Version %1 is restored as version %2.</source>
        <translation>Version %1 ist als Version %2 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Open a program file</source>
        <translation>Programmdatei öffnen</translation>
    </message>
    <message>
        <source>Program files (*.toml);;All files (*)</source>
        <translation>Programmdateien (*.toml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 ließ sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>Opened %1: check it, then save it as a new version.</source>
        <translation>%1 geöffnet: Prüfen Sie das Programm und speichern Sie es dann als neue Version.</translation>
    </message>
    <message>
        <source>Export the program file</source>
        <translation>Programmdatei exportieren</translation>
    </message>
    <message>
        <source>Program files (*.toml)</source>
        <translation>Programmdateien (*.toml)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportiert nach %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 ließ sich nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>ProgramErrors</name>
    <message>
        <source>Stamps</source>
        <translation>Stempel</translation>
    </message>
    <message>
        <source>stamps</source>
        <translation>Stempel</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>This key is not known (did you mean “%1”?).</source>
        <translation>Diesen Eintrag gibt es nicht (gemeint ist wohl „%1“).</translation>
    </message>
    <message>
        <source>This key is not known. Known keys: %1.</source>
        <translation>Diesen Eintrag gibt es nicht. Bekannt sind: %1.</translation>
    </message>
    <message>
        <source>This must be a section of its own.</source>
        <translation>Das muss ein eigener Abschnitt sein.</translation>
    </message>
    <message>
        <source>Type a whole number, like 3 (not “%1”).</source>
        <translation>Geben Sie eine ganze Zahl ein, etwa 3 (nicht „%1“).</translation>
    </message>
    <message>
        <source>Type %1 or more.</source>
        <translation>Geben Sie %1 oder mehr ein.</translation>
    </message>
    <message>
        <source>Type %1 or less.</source>
        <translation>Geben Sie %1 oder weniger ein.</translation>
    </message>
    <message>
        <source>Type an amount, like 2.50 (not “%1”).</source>
        <translation>Geben Sie einen Betrag ein, etwa 2,50 (nicht „%1“).</translation>
    </message>
    <message>
        <source>%1 is not an amount in %2 (too many decimals?).</source>
        <translation>%1 ist kein Betrag in %2 (zu viele Nachkommastellen?).</translation>
    </message>
    <message>
        <source>Type a number, like 1.5 (not “%1”).</source>
        <translation>Geben Sie eine Zahl ein, etwa 1,5 (nicht „%1“).</translation>
    </message>
    <message>
        <source>This cannot be negative.</source>
        <translation>Das darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>This must be more than zero.</source>
        <translation>Das muss mehr als null sein.</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>Bitte ausfüllen.</translation>
    </message>
    <message>
        <source>Type a text here.</source>
        <translation>Bitte hier einen Text eingeben.</translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>Wählen Sie eines von: %1.</translation>
    </message>
    <message>
        <source>Type item codes, separated by commas, like BIO-BREAD, BIO-*.</source>
        <translation>Geben Sie Artikelcodes ein, durch Kommas getrennt, etwa BIO-BROT, BIO-*.</translation>
    </message>
    <message>
        <source>Type a time, like 17:00 (not “%1”).</source>
        <translation>Geben Sie eine Uhrzeit ein, etwa 17:00 (nicht „%1“).</translation>
    </message>
    <message>
        <source>“%1” is not a currency code: type three letters, like EUR.</source>
        <translation>„%1“ ist kein Währungscode: Geben Sie drei Buchstaben ein, etwa EUR.</translation>
    </message>
    <message>
        <source>“%1” is not a time zone: type a name like Europe/Berlin.</source>
        <translation>„%1“ ist keine Zeitzone: Geben Sie einen Namen wie Europe/Berlin ein.</translation>
    </message>
    <message>
        <source>Say which items earn a stamp (item codes, like COFFEE-*).</source>
        <translation>Geben Sie an, welche Artikel einen Stempel bringen (Artikelcodes, etwa KAFFEE-*).</translation>
    </message>
    <message>
        <source>Add at least one tier.</source>
        <translation>Legen Sie mindestens eine Stufe an.</translation>
    </message>
    <message>
        <source>Each tier must start higher than the one before it.</source>
        <translation>Jede Stufe muss höher beginnen als die vorige.</translation>
    </message>
    <message>
        <source>Give either a percentage, or a fixed amount per amount spent.</source>
        <translation>Geben Sie entweder einen Prozentsatz an oder einen festen Betrag je ausgegebenem Betrag.</translation>
    </message>
    <message>
        <source>Say for how much spent the fixed amount is given, like 20.00.</source>
        <translation>Geben Sie an, für wie viel Umsatz es den festen Betrag gibt, etwa 20,00.</translation>
    </message>
    <message>
        <source>Each entry of this list must be a section of its own.</source>
        <translation>Jeder Eintrag dieser Liste muss ein eigener Abschnitt sein.</translation>
    </message>
    <message>
        <source>Choose weekdays.</source>
        <translation>Wählen Sie Wochentage.</translation>
    </message>
    <message>
        <source>Give a start and an end time, the start first (like 17:00 to 18:00).</source>
        <translation>Geben Sie Beginn und Ende an, den Beginn zuerst (etwa 17:00 bis 18:00).</translation>
    </message>
    <message>
        <source>Type a month and a day, like 12-01 for 1 December.</source>
        <translation>Geben Sie Monat und Tag ein, etwa 12-01 für den 1. Dezember.</translation>
    </message>
    <message>
        <source>Say which items count (item codes, like BIO-*).</source>
        <translation>Geben Sie an, welche Artikel zählen (Artikelcodes, etwa BIO-*).</translation>
    </message>
    <message>
        <source>“%1”: use lowercase letters, digits and dashes only (and not “cashback”).</source>
        <translation>„%1“: nur Kleinbuchstaben, Ziffern und Bindestriche (und nicht „cashback“).</translation>
    </message>
    <message>
        <source>A reward costs stamps or points: give a cost above zero.</source>
        <translation>Eine Prämie kostet Stempel oder Punkte: Geben Sie einen Preis über null an.</translation>
    </message>
    <message>
        <source>The code “%1” is used by another reward already.</source>
        <translation>Der Code „%1“ gehört schon zu einer anderen Prämie.</translation>
    </message>
    <message>
        <source>This costs %1, but the %2 section is switched off: switch it on first.</source>
        <translation>Das kostet %1, aber der Abschnitt „%2“ ist ausgeschaltet: Schalten Sie ihn zuerst ein.</translation>
    </message>
    <message>
        <source>This gives %1, but the %2 section is switched off: switch it on first.</source>
        <translation>Das vergibt %1, aber der Abschnitt „%2“ ist ausgeschaltet: Schalten Sie ihn zuerst ein.</translation>
    </message>
    <message>
        <source>Tiers by points need points: switch them on first.</source>
        <translation>Stufen nach Punkten brauchen Punkte: Schalten Sie sie zuerst ein.</translation>
    </message>
    <message>
        <source>The program gives nothing yet: switch on stamps, points or cashback.</source>
        <translation>Das Programm vergibt noch nichts: Schalten Sie Stempel, Punkte oder Cashback ein.</translation>
    </message>
    <message>
        <source>The file cannot be read (%1).</source>
        <translation>Die Datei lässt sich nicht lesen (%1).</translation>
    </message>
    <message>
        <source>This is not a text file (UTF-8).</source>
        <translation>Das ist keine Textdatei (UTF-8).</translation>
    </message>
    <message>
        <source>This is not a program file (TOML): %1</source>
        <translation>Das ist keine Programmdatei (TOML): %1</translation>
    </message>
</context>
<context>
    <name>ProgramPreview</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Items (optional)</source>
        <translation>Artikel (optional)</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Neue Kundin, neuer Kunde</translation>
    </message>
    <message>
        <source>Recommended, first purchase</source>
        <translation>Empfohlen, erster Einkauf</translation>
    </message>
    <message>
        <source>Correct the mistake in the program to see what a purchase earns.</source>
        <translation>Beheben Sie den Fehler im Programm, dann sehen Sie hier, was ein Einkauf bringt.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>A purchase of %1 by a member of the %2 tier on %3, %4 at %5 earns:</source>
        <translation>Ein Einkauf über %1 auf Stufe %2 am %3, %4 um %5 bringt:</translation>
    </message>
    <message>
        <source>A purchase of %1 on %2, %3 at %4 earns:</source>
        <translation>Ein Einkauf über %1 am %2, %3 um %4 bringt:</translation>
    </message>
    <message>
        <source>× %1 %2 on %3</source>
        <translation>× %1 %2 auf %3</translation>
    </message>
    <message>
        <source>× %1 %2</source>
        <translation>× %1 %2</translation>
    </message>
    <message>
        <source>%1: %2 for the customer who recommended</source>
        <translation>%1: %2 für die Person, die empfohlen hat</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ProgramVersions</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen …</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>Kopie bearbeiten</translation>
    </message>
    <message>
        <source>The chain&apos;s server</source>
        <translation>Server der Kette</translation>
    </message>
    <message>
        <source>%1 (in force)</source>
        <translation>%1 (gilt)</translation>
    </message>
    <message>
        <source>Choose a version to see its file.</source>
        <translation>Wählen Sie eine Version, um ihre Datei zu sehen.</translation>
    </message>
    <message>
        <source>Version %1 as it was saved:</source>
        <translation>Version %1, wie sie gespeichert wurde:</translation>
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
    <name>ReportsView</name>
    <message>
        <source>Shop</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>Alle Geschäfte</translation>
    </message>
    <message>
        <source>Save as PDF …</source>
        <translation>Als PDF speichern …</translation>
    </message>
    <message>
        <source>Save tables as CSV …</source>
        <translation>Tabellen als CSV speichern …</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>New members by staff member</source>
        <translation>Neue Mitglieder je Mitarbeiter</translation>
    </message>
    <message>
        <source>Tiers: members and moves</source>
        <translation>Stufen: Mitglieder und Wechsel</translation>
    </message>
    <message>
        <source>Inactive members: no visit for</source>
        <translation>Inaktive Mitglieder: kein Besuch seit</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Loading the report …</source>
        <translation>Der Bericht wird geladen …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) have not visited for that long.</source>
        <translation>
            <numerusform>%Ln Mitglied war so lange nicht mehr da.</numerusform>
            <numerusform>%Ln Mitglieder waren so lange nicht mehr da.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln who spent most are listed.</source>
        <translation>
            <numerusform>Aufgeführt ist das Mitglied mit dem meisten Umsatz.</numerusform>
            <numerusform>Aufgeführt sind die %Ln mit dem meisten Umsatz.</numerusform>
        </translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>Compared with %1</source>
        <translation>Verglichen mit %1</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>Nichts in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Every member has visited lately.</source>
        <translation>Alle Mitglieder waren in letzter Zeit da.</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a folder for the CSV files</source>
        <translation>Ordner für die CSV-Dateien wählen</translation>
    </message>
    <message>
        <source>Saving the PDF …</source>
        <translation>Das PDF wird gespeichert …</translation>
    </message>
    <message>
        <source>Saving the CSV files …</source>
        <translation>Die CSV-Dateien werden gespeichert …</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <source>A USB barcode scanner types like a keyboard. The app tells a scan from typing by its speed, so a scan never lands in the amount field.</source>
        <translation>Ein USB-Scanner tippt wie eine Tastatur. Die App erkennt einen Scan an seiner Geschwindigkeit, damit er nie im Betragsfeld landet.</translation>
    </message>
    <message>
        <source>My scanner is slow (wireless): scans are not recognised</source>
        <translation>Mein Scanner ist langsam (kabellos): Scans werden nicht erkannt</translation>
    </message>
    <message>
        <source>Test: scan a customer&apos;s card now</source>
        <translation>Test: Scannen Sie jetzt eine Kundenkarte</translation>
    </message>
    <message>
        <source>A scan that is not recognised shows up here as typing</source>
        <translation>Ein nicht erkannter Scan erscheint hier als getippter Text</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>%1 characters, %2 ms between keys</source>
        <translation>%1 Zeichen, %2 ms zwischen den Tasten</translation>
    </message>
    <message>
        <source>✓ Recognised as a scan: %1</source>
        <translation>✓ Als Scan erkannt: %1</translation>
    </message>
    <message>
        <source>✗ A card number arrived as typing, not as a scan: switch on “My scanner is slow” and scan again.</source>
        <translation>✗ Eine Kartennummer kam als getippter Text an, nicht als Scan: Schalten Sie „Mein Scanner ist langsam“ ein und scannen Sie erneut.</translation>
    </message>
    <message>
        <source>✗ A card number arrived as typing even in slow mode: set the scanner to send Enter after the code (see its manual), then scan again.</source>
        <translation>✗ Eine Kartennummer kam auch im langsamen Modus als getippter Text an: Stellen Sie den Scanner so ein, dass er nach dem Code Enter sendet (siehe Anleitung), und scannen Sie erneut.</translation>
    </message>
    <message>
        <source>Typed: %1. Scan a card to test the scanner.</source>
        <translation>Getippt: %1. Scannen Sie eine Karte, um den Scanner zu testen.</translation>
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
    <name>SectionBuilder</name>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
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
        <source>Tiers</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>Bonuses</source>
        <translation>Boni</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Prämien</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Verfall</translation>
    </message>
    <message>
        <source>Offline limits</source>
        <translation>Offline-Grenzen</translation>
    </message>
    <message>
        <source>The program&apos;s name, its currency and where the shop is.</source>
        <translation>Der Name des Programms, seine Währung und wo das Geschäft ist.</translation>
    </message>
    <message>
        <source>A stamp card: customers collect stamps and trade a full card for a reward (see Rewards).</source>
        <translation>Eine Stempelkarte: Kundinnen und Kunden sammeln Stempel und tauschen eine volle Karte gegen eine Prämie (siehe Prämien).</translation>
    </message>
    <message>
        <source>Customers collect points for what they spend and pay for rewards with them.</source>
        <translation>Kundinnen und Kunden sammeln Punkte für ihre Einkäufe und bezahlen damit Prämien.</translation>
    </message>
    <message>
        <source>Members move up to higher tiers by what they did lately; a higher tier earns more points.</source>
        <translation>Mitglieder steigen nach ihren letzten Einkäufen in höhere Stufen auf; eine höhere Stufe bringt mehr Punkte.</translation>
    </message>
    <message>
        <source>Customers get back part of what they spend, to pay with on a later visit.</source>
        <translation>Kundinnen und Kunden bekommen einen Teil ihres Einkaufs zurück und bezahlen damit beim nächsten Besuch.</translation>
    </message>
    <message>
        <source>Extra points, stamps or cashback at certain hours, on certain items or for an occasion.</source>
        <translation>Zusätzliche Punkte, Stempel oder Cashback zu bestimmten Zeiten, auf bestimmte Artikel oder zu einem Anlass.</translation>
    </message>
    <message>
        <source>What customers get for their stamps or points. Cashback is paid out at the counter and needs no reward here.</source>
        <translation>Was es für Stempel oder Punkte gibt. Cashback wird an der Kasse ausgezahlt und braucht hier keine Prämie.</translation>
    </message>
    <message>
        <source>How long points stay valid.</source>
        <translation>Wie lange Punkte gültig bleiben.</translation>
    </message>
    <message>
        <source>For a till connected to a server: while it has not synced for a while, a customer can redeem only this much here, so the same balance cannot be spent twice in two shops.</source>
        <translation>Für eine Kasse mit Server: Solange sie eine Weile nicht abgeglichen hat, kann eine Kundin oder ein Kunde hier nur so viel einlösen, damit dasselbe Guthaben nicht in zwei Geschäften doppelt ausgegeben wird.</translation>
    </message>
    <message>
        <source>Collect stamps</source>
        <translation>Stempel sammeln</translation>
    </message>
    <message>
        <source>Collect points</source>
        <translation>Punkte sammeln</translation>
    </message>
    <message>
        <source>Use tiers</source>
        <translation>Stufen verwenden</translation>
    </message>
    <message>
        <source>Give cashback</source>
        <translation>Cashback geben</translation>
    </message>
    <message>
        <source>Limit redeeming offline</source>
        <translation>Einlösen offline begrenzen</translation>
    </message>
    <message>
        <source>Happy hour</source>
        <translation>Happy Hour</translation>
    </message>
    <message>
        <source>Season</source>
        <translation>Saison</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>More points on some days, at some hours.</source>
        <translation>Mehr Punkte an bestimmten Tagen zu bestimmten Zeiten.</translation>
    </message>
    <message>
        <source>More points in a date range, every year.</source>
        <translation>Mehr Punkte in einem Zeitraum, jedes Jahr.</translation>
    </message>
    <message>
        <source>More points on the price of some items.</source>
        <translation>Mehr Punkte auf den Preis bestimmter Artikel.</translation>
    </message>
    <message>
        <source>A gift with the first purchase around the birthday, once a year.</source>
        <translation>Ein Geschenk zum ersten Einkauf rund um den Geburtstag, einmal im Jahr.</translation>
    </message>
    <message>
        <source>A thank-you when a customer someone recommended pays for the first time.</source>
        <translation>Ein Dankeschön, wenn jemand Empfohlenes zum ersten Mal bezahlt.</translation>
    </message>
    <message>
        <source>A welcome gift for a new customer.</source>
        <translation>Ein Willkommensgeschenk für neue Kundinnen und Kunden.</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>Bonus %1: %2</source>
        <translation>Bonus %1: %2</translation>
    </message>
    <message>
        <source>Reward %1</source>
        <translation>Prämie %1</translation>
    </message>
    <message>
        <source>Program name</source>
        <translation>Name des Programms</translation>
    </message>
    <message>
        <source>Shown on cards and to the staff.</source>
        <translation>Steht auf den Karten und wird dem Personal gezeigt.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Three letters, like EUR or CHF.</source>
        <translation>Drei Buchstaben, etwa EUR oder CHF.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Where the shop is: decides when a day, a happy hour or a season begins.</source>
        <translation>Wo das Geschäft ist: Davon hängt ab, wann ein Tag, eine Happy Hour oder eine Saison beginnt.</translation>
    </message>
    <message>
        <source>Country format</source>
        <translation>Länderformat</translation>
    </message>
    <message>
        <source>How money and dates look for this shop, like de_DE or de_AT.</source>
        <translation>Wie Beträge und Daten für dieses Geschäft aussehen, etwa de_DE oder de_AT.</translation>
    </message>
    <message>
        <source>What earns stamps</source>
        <translation>Wofür es Stempel gibt</translation>
    </message>
    <message>
        <source>Every purchase</source>
        <translation>Jeden Einkauf</translation>
    </message>
    <message>
        <source>Each matching item</source>
        <translation>Jeden passenden Artikel</translation>
    </message>
    <message>
        <source>Stamps per purchase</source>
        <translation>Stempel pro Einkauf</translation>
    </message>
    <message>
        <source>How many stamps one purchase (or one matching item) earns.</source>
        <translation>Wie viele Stempel ein Einkauf (oder ein passender Artikel) bringt.</translation>
    </message>
    <message>
        <source>Which items</source>
        <translation>Welche Artikel</translation>
    </message>
    <message>
        <source>Smallest purchase for a stamp</source>
        <translation>Kleinster Einkauf für einen Stempel</translation>
    </message>
    <message>
        <source>Empty: any amount earns a stamp.</source>
        <translation>Leer: Jeder Betrag bringt einen Stempel.</translation>
    </message>
    <message>
        <source>At most per day</source>
        <translation>Höchstens pro Tag</translation>
    </message>
    <message>
        <source>Stamps per customer and day. Empty: no limit.</source>
        <translation>Stempel je Kundin oder Kunde und Tag. Leer: keine Grenze.</translation>
    </message>
    <message>
        <source>Points earned for each full amount on the right.</source>
        <translation>Punkte für jeden vollen Betrag rechts.</translation>
    </message>
    <message>
        <source>For every</source>
        <translation>Für je</translation>
    </message>
    <message>
        <source>Like 1.00: a purchase of 12.50 then earns 12 points (rounded down).</source>
        <translation>Etwa 1,00: Ein Einkauf über 12,50 bringt dann 12 Punkte (abgerundet).</translation>
    </message>
    <message>
        <source>Tiers by</source>
        <translation>Stufen nach</translation>
    </message>
    <message>
        <source>Money spent</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Number of visits</source>
        <translation>Anzahl der Besuche</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Gesammelten Punkten</translation>
    </message>
    <message>
        <source>Counted over the last … days</source>
        <translation>Gezählt über die letzten … Tage</translation>
    </message>
    <message>
        <source>Only this recent activity counts, like 365 for a year.</source>
        <translation>Nur was in dieser Zeit geschah, zählt, etwa 365 für ein Jahr.</translation>
    </message>
    <message>
        <source>From (money spent)</source>
        <translation>Ab (Umsatz)</translation>
    </message>
    <message>
        <source>From (visits)</source>
        <translation>Ab (Besuche)</translation>
    </message>
    <message>
        <source>From (points)</source>
        <translation>Ab (Punkte)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>The first tier starts at 0; each next one higher.</source>
        <translation>Die erste Stufe beginnt bei 0, jede weitere höher.</translation>
    </message>
    <message>
        <source>Points multiplier</source>
        <translation>Punkte-Faktor</translation>
    </message>
    <message>
        <source>1.25 earns a quarter more points; 1 the normal points.</source>
        <translation>1,25 bringt ein Viertel mehr Punkte, 1 die normalen Punkte.</translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation>Stufe hinzufügen</translation>
    </message>
    <message>
        <source>How much</source>
        <translation>Wie viel</translation>
    </message>
    <message>
        <source>A percentage of each purchase</source>
        <translation>Ein Prozentsatz jedes Einkaufs</translation>
    </message>
    <message>
        <source>A fixed amount per amount spent</source>
        <translation>Ein fester Betrag je ausgegebenem Betrag</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Like 1.00 …</source>
        <translation>Etwa 1,00 …</translation>
    </message>
    <message>
        <source>… for every 20.00 spent.</source>
        <translation>… für je 20,00 Umsatz.</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>Like 5 for 5 %, rounded down to the cent.</source>
        <translation>Etwa 5 für 5 %, auf den Cent abgerundet.</translation>
    </message>
    <message>
        <source>Smallest payout</source>
        <translation>Kleinste Auszahlung</translation>
    </message>
    <message>
        <source>Cashback is paid out from this amount up. Empty: any amount.</source>
        <translation>Cashback wird ab diesem Betrag ausgezahlt. Leer: jeder Betrag.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>A time like 17:00.</source>
        <translation>Eine Uhrzeit wie 17:00.</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>A time like 18:00 (not included).</source>
        <translation>Eine Uhrzeit wie 18:00 (nicht mehr dabei).</translation>
    </message>
    <message>
        <source>2 doubles the points.</source>
        <translation>2 verdoppelt die Punkte.</translation>
    </message>
    <message>
        <source>From (month-day)</source>
        <translation>Ab (Monat-Tag)</translation>
    </message>
    <message>
        <source>Like 12-01 for 1 December.</source>
        <translation>Etwa 12-01 für den 1. Dezember.</translation>
    </message>
    <message>
        <source>Until (month-day)</source>
        <translation>Bis (Monat-Tag)</translation>
    </message>
    <message>
        <source>Like 12-24 for 24 December (included).</source>
        <translation>Etwa 12-24 für den 24. Dezember (noch dabei).</translation>
    </message>
    <message>
        <source>Days around the birthday</source>
        <translation>Tage um den Geburtstag</translation>
    </message>
    <message>
        <source>The first purchase this many days before or after counts.</source>
        <translation>Der erste Einkauf so viele Tage davor oder danach zählt.</translation>
    </message>
    <message>
        <source>Points for the new customer</source>
        <translation>Punkte für die neue Kundschaft</translation>
    </message>
    <message>
        <source>Empty: none.</source>
        <translation>Leer: keine.</translation>
    </message>
    <message>
        <source>Cashback for the customer who recommended</source>
        <translation>Cashback für die Person, die empfohlen hat</translation>
    </message>
    <message>
        <source>Extra points per purchase</source>
        <translation>Zusätzliche Punkte pro Einkauf</translation>
    </message>
    <message>
        <source>Points for the customer who recommended</source>
        <translation>Punkte für die Person, die empfohlen hat</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kostet</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Wie viele</translation>
    </message>
    <message>
        <source>A full card is the cheapest stamp reward.</source>
        <translation>Eine volle Karte ist die günstigste Stempelprämie.</translation>
    </message>
    <message>
        <source>Worth</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>What it costs the shop, for the reports. Empty: not counted.</source>
        <translation>Was sie das Geschäft kostet, für die Berichte. Leer: nicht gezählt.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Short and unique: lowercase letters, digits and dashes. Keep it when renaming.</source>
        <translation>Kurz und eindeutig: Kleinbuchstaben, Ziffern und Bindestriche. Beim Umbenennen beibehalten.</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>Spende</translation>
    </message>
    <message>
        <source>The points go to a good cause</source>
        <translation>Die Punkte gehen an einen guten Zweck</translation>
    </message>
    <message>
        <source>Add a reward</source>
        <translation>Prämie hinzufügen</translation>
    </message>
    <message>
        <source>This program has no points, so nothing expires.</source>
        <translation>Dieses Programm hat keine Punkte, also verfällt nichts.</translation>
    </message>
    <message>
        <source>Points expire after … days</source>
        <translation>Punkte verfallen nach … Tagen</translation>
    </message>
    <message>
        <source>The oldest points go first. Empty: points never expire.</source>
        <translation>Die ältesten Punkte verfallen zuerst. Leer: Punkte verfallen nie.</translation>
    </message>
    <message>
        <source>Per customer, until the till has synced. Empty: no limit.</source>
        <translation>Je Kundin oder Kunde, bis die Kasse abgeglichen hat. Leer: keine Grenze.</translation>
    </message>
    <message>
        <source>Offline after … minutes</source>
        <translation>Offline nach … Minuten</translation>
    </message>
    <message>
        <source>Without a sync for this long, the limits below apply.</source>
        <translation>So lange ohne Abgleich gelten die Grenzen darunter.</translation>
    </message>
    <message>
        <source>At most … points</source>
        <translation>Höchstens … Punkte</translation>
    </message>
    <message>
        <source>At most … stamps</source>
        <translation>Höchstens … Stempel</translation>
    </message>
    <message>
        <source>At most … cashback</source>
        <translation>Höchstens … Cashback</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>In English, and wherever no other language is given.</source>
        <translation>Auf Englisch und überall, wo keine andere Sprache angegeben ist.</translation>
    </message>
    <message>
        <source>Name in German</source>
        <translation>Name auf Deutsch</translation>
    </message>
    <message>
        <source>Shown when the app runs in German. Empty: the name on the left.</source>
        <translation>Erscheint, wenn die App auf Deutsch läuft. Leer: der Name links.</translation>
    </message>
    <message>
        <source>Item codes, separated by commas; * stands for anything, like BIO-*.</source>
        <translation>Artikelcodes, durch Kommas getrennt; * steht für beliebige Zeichen, etwa BIO-*.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Connect this till to the shop&apos;s server, so that several tills share their customers and the owner sees every shop.</source>
        <translation>Verbinden Sie diese Kasse mit dem Server des Geschäfts, damit mehrere Kassen ihre Kunden teilen und der Inhaber jedes Geschäft sieht.</translation>
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
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Shop name</source>
        <translation>Name des Geschäfts</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Saved. New cards and messages use these details.</source>
        <translation>Gespeichert. Neue Karten und Nachrichten verwenden diese Angaben.</translation>
    </message>
    <message>
        <source>Only the owner changes these: sign in as the owner.</source>
        <translation>Nur der Inhaber ändert diese Angaben: Melden Sie sich als Inhaber an.</translation>
    </message>
    <message>
        <source>On printed cards and in messages to customers.</source>
        <translation>Auf gedruckten Karten und in Nachrichten an Kunden.</translation>
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
    <name>SmtpPage</name>
    <message>
        <source>With a mail server here, this till sends its shop&apos;s messages itself. Without one, the central server sends them (if it has one). The password is kept in the system&apos;s keyring or a private file, never in the database or its backups.</source>
        <translation>Mit einem Mailserver hier sendet diese Kasse die Nachrichten ihres Geschäfts selbst. Ohne einen sendet sie der zentrale Server (falls er einen hat). Das Passwort liegt im Schlüsselbund des Systems oder in einer privaten Datei, nie in der Datenbank oder ihren Sicherungen.</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (Port 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (Port 465)</translation>
    </message>
    <message>
        <source>None (only inside the shop&apos;s network)</source>
        <translation>Keine (nur im Netz des Geschäfts)</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>z. B. smtp.example.com</translation>
    </message>
    <message>
        <source>e.g. news@your-shop.de</source>
        <translation>z. B. news@ihr-geschaeft.de</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(unverändert)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Stop sending here</source>
        <translation>Hier nicht mehr senden</translation>
    </message>
    <message>
        <source>This is not an unsubscribe code from one of our e-mails (check it).</source>
        <translation>Das ist kein Abmelde-Code aus einer unserer E-Mails (bitte prüfen).</translation>
    </message>
    <message>
        <source>%1 gets no more e-mails.</source>
        <translation>%1 bekommt keine E-Mails mehr.</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Der Kunde</translation>
    </message>
    <message>
        <source>Send a test e-mail to</source>
        <translation>Test-E-Mail senden an</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Test-E-Mail senden</translation>
    </message>
    <message>
        <source>Unsubscribe code from a reply</source>
        <translation>Abmelde-Code aus einer Antwort</translation>
    </message>
    <message>
        <source>u1…</source>
        <translation>u1…</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Enter the mail server (your e-mail provider names it, e.g. smtp.example.com).</source>
        <translation>Geben Sie den Mailserver ein (Ihr E-Mail-Anbieter nennt ihn, z. B. smtp.example.com).</translation>
    </message>
    <message>
        <source>Enter the address the e-mails come from, e.g. news@your-shop.de.</source>
        <translation>Geben Sie die Absenderadresse ein, z. B. news@ihr-geschaeft.de.</translation>
    </message>
    <message>
        <source>Saved: this till now sends its shop&apos;s messages.</source>
        <translation>Gespeichert: Diese Kasse sendet jetzt die Nachrichten ihres Geschäfts.</translation>
    </message>
    <message>
        <source>This till sends no more e-mails; %1 waiting message(s) were held back.</source>
        <translation>Diese Kasse sendet keine E-Mails mehr; %1 wartende Nachricht(en) wurden zurückgehalten.</translation>
    </message>
    <message>
        <source>Enter the address to send the test e-mail to.</source>
        <translation>Geben Sie die Adresse für die Test-E-Mail ein.</translation>
    </message>
    <message>
        <source>Sending a test e-mail to %1 …</source>
        <translation>Test-E-Mail an %1 wird gesendet …</translation>
    </message>
    <message>
        <source>Test e-mail sent to %1: look in that inbox (and its spam folder).</source>
        <translation>Test-E-Mail an %1 gesendet: Sehen Sie im Posteingang (und im Spam-Ordner) nach.</translation>
    </message>
    <message>
        <source>The test e-mail did not go out: %1</source>
        <translation>Die Test-E-Mail ging nicht hinaus: %1</translation>
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
<context>
    <name>TextsPage</name>
    <message>
        <source>Every message ends with the customer&apos;s balance and a way to unsubscribe. Reward and tier names come from the program (name_de for German). The numbers here are examples.</source>
        <translation>Jede Nachricht endet mit dem Stand des Kunden und einer Möglichkeit, sich abzumelden. Namen von Prämien und Stufen kommen aus dem Programm (name_de für Deutsch). Die Zahlen hier sind Beispiele.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Reward earned</source>
        <translation>Prämie verdient</translation>
    </message>
    <message>
        <source>New tier reached</source>
        <translation>Neue Stufe erreicht</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Reward about to expire</source>
        <translation>Prämie verfällt bald</translation>
    </message>
    <message>
        <source>Points expiring</source>
        <translation>Punkte verfallen</translation>
    </message>
    <message>
        <source>We miss you</source>
        <translation>Wir vermissen Sie</translation>
    </message>
</context>
</TS>
