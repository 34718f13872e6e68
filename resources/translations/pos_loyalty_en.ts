<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
