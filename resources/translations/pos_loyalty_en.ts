<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CameraPage</name>
    <message numerus="yes">
        <source>%n camera(s) found on this computer.</source>
        <translation>
            <numerusform>%n camera found on this computer.</numerusform>
            <numerusform>%n cameras found on this computer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message numerus="yes">
        <source>%n stamp(s)</source>
        <translation>
            <numerusform>%n stamp</numerusform>
            <numerusform>%n stamps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more stamp(s) to %1</source>
        <translation>
            <numerusform>%n more stamp to %1</numerusform>
            <numerusform>%n more stamps to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more point(s) to %1</source>
        <translation>
            <numerusform>%n more point to %1</numerusform>
            <numerusform>%n more points to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message numerus="yes">
        <source>Imported %Ln customer(s). Search for them by name, phone, email or old card number.</source>
        <translation>
            <numerusform>Imported %Ln customer. Search for them by name, phone, email or old card number.</numerusform>
            <numerusform>Imported %Ln customers. Search for them by name, phone, email or old card number.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCustomersDialog</name>
    <message numerus="yes">
        <source>%Ln customer(s) will be imported, each with a new card.</source>
        <translation>
            <numerusform>%Ln customer will be imported, with a new card.</numerusform>
            <numerusform>%Ln customers will be imported, each with a new card.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stamp(s)</source>
        <translation>
            <numerusform>%Ln stamp</numerusform>
            <numerusform>%Ln stamps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) have problems (see the list) and cannot be imported as they are.</source>
        <translation>
            <numerusform>%Ln row has problems (see the list) and cannot be imported as it is.</numerusform>
            <numerusform>%Ln rows have problems (see the list) and cannot be imported as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) were imported before and are left alone.</source>
        <translation>
            <numerusform>%Ln row was imported before and is left alone.</numerusform>
            <numerusform>%Ln rows were imported before and are left alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln customer(s)</source>
        <translation>
            <numerusform>Import %Ln customer</numerusform>
            <numerusform>Import %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) imported, each with a new card.</source>
        <translation>
            <numerusform>%Ln customer imported, with a new card.</numerusform>
            <numerusform>%Ln customers imported, each with a new card.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with problems were skipped: save them to fix and import them later.</source>
        <translation>
            <numerusform>%Ln row with problems was skipped: save it to fix and import it later.</numerusform>
            <numerusform>%Ln rows with problems were skipped: save them to fix and import them later.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyFigures</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln still have time)</source>
        <translation>
            <numerusform>(%Ln still has time)</numerusform>
            <numerusform>(%Ln still have time)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stamp(s)</source>
        <translation>
            <numerusform>%Ln stamp</numerusform>
            <numerusform>%Ln stamps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>%n stamp(s)</source>
        <translation>
            <numerusform>%n stamp</numerusform>
            <numerusform>%n stamps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more attempt(s), then signing in is locked for %1 minutes.</source>
        <translation>
            <numerusform>Wrong PIN. %n more attempt, then signing in is locked for %1 minutes.</numerusform>
            <numerusform>Wrong PIN. %n more attempts, then signing in is locked for %1 minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs for %1: locked for %n more minute(s).</source>
        <translation>
            <numerusform>Too many wrong PINs for %1: locked for %n more minute.</numerusform>
            <numerusform>Too many wrong PINs for %1: locked for %n more minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This till has not synced for %n minute(s): a customer can redeem at most %1 here until it is back online.</source>
        <translation>
            <numerusform>This till has not synced for %n minute: a customer can redeem at most %1 here until it is back online.</numerusform>
            <numerusform>This till has not synced for %n minutes: a customer can redeem at most %1 here until it is back online.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems; nothing was imported. Fix the file, or choose to skip those rows.</source>
        <translation>
            <numerusform>%n row has problems; nothing was imported. Fix the file, or choose to skip that row.</numerusform>
            <numerusform>%n rows have problems; nothing was imported. Fix the file, or choose to skip those rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message numerus="yes">
        <source>%n stamp(s)</source>
        <translation>
            <numerusform>%n stamp</numerusform>
            <numerusform>%n stamps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message numerus="yes">
        <source>This takes %n stamp(s) from the card.</source>
        <translation>
            <numerusform>This takes %n stamp from the card.</numerusform>
            <numerusform>This takes %n stamps from the card.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This takes %n point(s).</source>
        <translation>
            <numerusform>This takes %n point.</numerusform>
            <numerusform>This takes %n points.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message numerus="yes">
        <source>%Ln member(s) have not visited for that long.</source>
        <translation>
            <numerusform>%Ln member has not visited for that long.</numerusform>
            <numerusform>%Ln members have not visited for that long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln who spent most are listed.</source>
        <translation>
            <numerusform>The one who spent most is listed.</numerusform>
            <numerusform>The %Ln who spent most are listed.</numerusform>
        </translation>
    </message>
</context>
</TS>
