-- demo.sql: demo data for Stegvis, loaded by `stegvis demo-load` after the
-- migrations (needs 0001_organisations_insatser.sql).
--
-- IDEMPOTENT: fixed ids and INSERT ... ON DUPLICATE KEY UPDATE everywhere, so
-- loading it again resets the demo rows to this state (demo passwords too)
-- and leaves every other row alone. One multi-statement batch in one
-- transaction: no semicolon anywhere except between statements. Multi-line
-- texts are written as literal line breaks inside the string (not \n), so
-- the file means the same under any sql_mode.
--
-- Facts come from the förbund's own documents (shared/seeds: the
-- uppdragsbeskrivningar 2017 and 2019 and the activity report Jan-Aug 2019).
-- Every number that is not in them is marked "-- assumed".
--
-- The seven insatser span 2008-2021: in reality Hälsa för Alla and Trampolinen
-- Trollhättan (and the ESF project Friska Vindar) were merged into Friska
-- Vindar 2.0 from 2020, and Trampolinen Lilla Edet was followed by
-- Arbetsförmågebedömning Lilla Edet. The demo keeps their real periods but
-- lists all seven as active, so that every demo role has something to do.
--
-- All demo passwords are "stegvis-demo". Each hash was made by
-- crypto_pwhash_str(out, "stegvis-demo", 12, crypto_pwhash_OPSLIMIT_INTERACTIVE,
-- crypto_pwhash_MEMLIMIT_INTERACTIVE) (libsodium, Argon2id) and checked with
-- crypto_pwhash_str_verify. Never load this file into a production database.

START TRANSACTION;

-- ---------------------------------------------------------------- förbund
INSERT INTO forbund (id, name, short_name, org_number, sus_code, municipalities, description, active)
VALUES (1, 'Samordningsförbundet Trollhättan Lilla Edet Grästorp', 'SOFTLEG',
        NULL, NULL, -- not in the sources: left empty rather than invented
        'Trollhättan, Lilla Edet, Grästorp',
        'Samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. Medlemmar: Försäkringskassan, Arbetsförmedlingen, Västra Götalandsregionen (primärvård och psykiatri) samt Trollhättans Stad, Lilla Edets kommun och Grästorps kommun. Förbundet bedriver ingen myndighetsutövning utan finansierar samverkansinsatser som medlemmarna bemannar.

Sedan 2022 ingår förbundet, tillsammans med Vänersborg, i Samordningsförbundet Södra Vänern.',
        1)
ON DUPLICATE KEY UPDATE
    name = VALUES(name), short_name = VALUES(short_name), org_number = VALUES(org_number),
    sus_code = VALUES(sus_code), municipalities = VALUES(municipalities),
    description = VALUES(description), active = VALUES(active);

-- ------------------------------------------------- members and their units
-- Top-level rows first: a unit's parent must exist when the unit is inserted.
INSERT INTO organisation (id, forbund_id, parent_id, kind, name, short_name, share_within_unit, active)
VALUES
    (1, 1, NULL, 'other',  'Förbundskansliet',          'Kansliet', 0, 1),
    (2, 1, NULL, 'fk',     'Försäkringskassan',         'FK',       0, 1),
    (3, 1, NULL, 'af',     'Arbetsförmedlingen',        'AF',       0, 1),
    (4, 1, NULL, 'kommun', 'Trollhättans Stad',         '',         0, 1),
    (5, 1, NULL, 'kommun', 'Lilla Edets kommun',        '',         0, 1),
    (6, 1, NULL, 'kommun', 'Grästorps kommun',          '',         0, 1),
    (7, 1, NULL, 'region', 'Västra Götalandsregionen',  'VGR',      0, 1)
ON DUPLICATE KEY UPDATE
    forbund_id = VALUES(forbund_id), parent_id = VALUES(parent_id), kind = VALUES(kind),
    name = VALUES(name), short_name = VALUES(short_name),
    share_within_unit = VALUES(share_within_unit), active = VALUES(active);

INSERT INTO organisation (id, forbund_id, parent_id, kind, name, short_name, share_within_unit, active)
VALUES
    -- Shared within the unit to show the feature: social workers there stand
    -- in for each other's cases. -- assumed
    (10, 1, 4, 'unit', 'Ekonomiskt bistånd (försörjningsstöd)',    '',    1, 1),
    (11, 1, 4, 'unit', 'HR (personalavdelningen)',                 'HR',  0, 1),
    (12, 1, 4, 'unit', 'Arbetsmarknad och socialförvaltning',      'ASF', 0, 1),
    (13, 1, 5, 'unit', 'Arbetsmarknadsavdelningen',                'AMA', 0, 1),
    (14, 1, 5, 'unit', 'Ekonomiskt bistånd (försörjningsstöd)',    '',    0, 1),
    (15, 1, 6, 'unit', 'Ekonomiskt bistånd (försörjningsstöd)',    '',    0, 1),
    (16, 1, 7, 'unit', 'Primärvården',                             '',    0, 1),
    (17, 1, 7, 'unit', 'Psykiatrin (vuxenpsykiatrisk öppenvård)',  '',    0, 1)
ON DUPLICATE KEY UPDATE
    forbund_id = VALUES(forbund_id), parent_id = VALUES(parent_id), kind = VALUES(kind),
    name = VALUES(name), short_name = VALUES(short_name),
    share_within_unit = VALUES(share_within_unit), active = VALUES(active);

-- ---------------------------------------------------------------- insatser
INSERT INTO insats (id, forbund_id, host_organisation_id, name, short_name, slug, sus_code,
                    description, location, street_address, postal_code, city, target_groups,
                    direction, measurement, period_start, period_end, places,
                    typical_weeks_min, typical_weeks_max, hours_per_week_min, hours_per_week_max,
                    summary_due_days, active)
VALUES
-- Friska Vindar 2.0: uppdragsbeskrivning, styrelsen 2019-11-28.
(1, 1, 12, 'Friska Vindar 2.0', 'Friska Vindar 2.0', 'friska-vindar-2-0', NULL,
'En väg in för kvinnor och män i behov av samordning för sin rehabilitering. Insatsen är en sammanslagning av Hälsa för Alla, Friska Vindar (ESF-projekt) och Trampolinen i Trollhättan. Alla får en individuell planering där ett eller flera inslag från de tidigare insatserna väljs utifrån personens behov.

Innehåll: VISA-besök, kartläggning och individuell rehabiliteringsplan, hälso- och arbetsmarknadsaktiviteter under 12–16 veckor med 4–10 timmar i veckan (kan förlängas), en fördjupningsdel med upp till 40 timmar i veckan, stöd vid myndighetskontakter, arbetsåtergång eller ny arbetsgivare, avslutningssamtal och dokumentation.

Under 2020 och 2021 väntas 400 kvinnor och män delta. Trollhättans Stad (försörjningsstöd) förfogar genom förlängningen av ESF-projektet över 50 av platserna och stadens HR-avdelning har kontinuerligt 15–20 platser. Ej myndighetsutövning: deltagaren ägs av hemorganisationen.',
'Friska Vindar, Österlånggatan 47', 'Österlånggatan 47', NULL, 'Trollhättan',
'Kvinnor och män i behov av rehabilitering inför övergångar till arbete, studier eller andra arbetsförberedande insatser
Kvinnor och män i behov av samverkan mellan flera myndigheter
Kvinnor och män som är arbetslösa eller som är eller har varit sjukskrivna
Deltagare kan komma från hela förbundets upptagningsområde',
'individ', 'personuppgifter', '2020-01-01', '2021-12-31',
110, -- assumed: 400 participants over two years at a mean of about 6.6 months each
12, 16, 4, 40,
21, -- assumed: the Trampolinen deadline of 3 weeks (not stated for Friska Vindar 2.0)
1),

-- Hälsa för Alla: uppdragsbeskrivning september 2017 - december 2019.
(2, 1, 12, 'Hälsa för Alla', 'Hälsa för Alla', 'halsa-for-alla', NULL,
'Hälsofrämjande samverkansinsats sedan 2015, från hösten 2017 på Österlånggatan 47. Individuella, flexibla lösningar: hälsokartläggning och konditionstest, yoga och mindfulness, träning enskilt och i grupp, varmvattenbassäng, föreläsningar om hälsa, kost, stress och sömn, uteaktiviteter, social träning, yrkes- och studievägledning, studiebesök och arbetsträning.

Varje deltagare har en kontaktperson. Uppföljningssamtal efter ungefär halva tiden, gärna med remittenten, och ett avslutnings- eller fortsättningssamtal efter 12–16 veckor. Minst 100 platser om året.',
'Hälsa för Alla, Österlånggatan 47', 'Österlånggatan 47', NULL, 'Trollhättan',
'Arbetslösa som vill komma igång och påbörja en arbetsrehabilitering
Personer som är eller har varit sjukskrivna och vill få förbättrad hälsa, öka sina möjligheter att återgå till arbete eller studier och öka sin livskvalitet
Personer som väntar på att annan rehabilitering ska starta eller vill motverka ohälsa',
'individ', 'personuppgifter',
'2015-01-01', -- assumed day: the sources say "från och med 2015"
'2019-12-31',
30, -- assumed: at least 100 participants a year at 12-16 weeks each
12, 16,
NULL, 10, -- about 2 hours a day, 5 days a week (activity report 2019)
21, -- assumed: the sources say "snarast efter avslutad insats"
1),

-- Trampolinen Trollhättan: since 2008, merged into Friska Vindar 2.0 from 2020.
(3, 1, 12, 'Trampolinen Trollhättan', 'Trampolinen TH', 'trampolinen-trollhattan', NULL,
'Motivationshöjande och stödjande samverkansinsats sedan 2008 för unga vuxna med funktionsvariation eller ohälsa, eller som behöver extra stöd, och sedan hösten 2017 även för kvinnor och män som är eller nyligen har varit sjukskrivna. Individuell coachning mot arbete, gruppverksamhet, motiverande samtal och friskvård. Stöd att hitta arbete främst i små och medelstora företag.

Riktlinjen är minst 13 deltagare per heltidsanställd. Inskrivningstiden är individuell, vanligen upp till ett år. Sammanfattande dokumentation lämnas till remittenten senast tre veckor efter avslut.',
'Trampolinen, Österlånggatan 47', 'Österlånggatan 47', NULL, 'Trollhättan',
'Unga vuxna 20–29 år med funktionsvariation eller ohälsa som behöver stöd från fler än en myndighet
Kvinnor upp till 45 år
Kvinnor och män som är eller nyligen har varit sjukskrivna',
'individ', 'personuppgifter',
'2008-01-01', -- assumed day: "startades år 2008"
'2019-12-31', -- merged into Friska Vindar 2.0 from 2020-01-01
26, -- assumed: 13 participants per full-time staff, 2 staff since June 2019
NULL, 52, -- "vanligen upp till 1 år"
NULL, NULL,
21, -- "senast inom 3 veckor efter avslutad insats"
1),

-- Trampolinen Lilla Edet: uppdragsbeskrivning 2018-2019.
(4, 1, 13, 'Trampolinen Lilla Edet', 'Trampolinen LE', 'trampolinen-lilla-edet', NULL,
'Trampolinen i Lilla Edet är sedan 2013 en samverkansinsats i kommunens verksamhet, med personal från Arbetsförmedlingen och Lilla Edets kommun. Motivationshöjande och stödjande: individuell coachning mot arbete, gruppverksamhet och veckoträffar, motiverande samtal och friskvård, praktik och kontakt med vårdcentralerna.

Kontinuerligt 23 platser. Inskrivningstiden är individuell, vanligen upp till ett år. Sammanfattande dokumentation lämnas till remittenten senast tre veckor efter avslut.',
'Trampolinen, Lilla Edet', NULL, NULL, 'Lilla Edet', -- street address not in the sources
'Arbetslösa unga vuxna 20–29 år som behöver stöd från fler än en samverkande organisation
Unga vuxna med funktionsvariationer eller ohälsa som behöver extra stöd för att nå arbetsmarknaden
Kvinnor upp till 45 år
Kvinnor och män som är eller har varit sjukskrivna',
'individ', 'personuppgifter',
'2013-01-01', -- assumed day: "sedan 2013"
'2019-12-31', -- "avslutas i december 2019"
23,
NULL, 52,
NULL, NULL,
21, -- "senast inom 3 veckor efter avslutad insats"
1),

-- Arbetsförmågebedömning Lilla Edet: uppdragsbeskrivning, styrelsen 2019-11-28.
(5, 1, 13, 'Arbetsförmågebedömning Lilla Edet', 'Arbetsförmåga LE', 'arbetsformagebedomning-lilla-edet', NULL,
'Bedömning och utredning av arbetsförmåga samt arbetspraktik inför återgång till arbete, studier eller annan arbetsförberedande åtgärd, integrerad i AMA:s verksamhet i Lilla Edet och förstärkt med bland annat arbetsterapeut och jobbcoach. Bygger delvis på Trampolinen i Lilla Edet.

Innehåll: kartläggning och gruppaktiviteter, arbetsterapeutisk bedömning av arbetsförmåga, coachning mot praktik och arbetsanskaffning. Minst 100 platser under 2020 och 2021, fördelade jämställt mellan kvinnor och män.',
'AMA Lilla Edet', NULL, NULL, 'Lilla Edet', -- street address not in the sources
'Kvinnor och män som behöver två eller flera organisationers samarbete för att nå arbete, studier eller andra insatser för att på sikt bli självförsörjande
Kvinnor och män som behöver kartläggas för att hitta möjlig arbetskapacitet, rätt arbetsträningsplats eller annan lämplig fortsatt rehabilitering
Kvinnor och män med tidigare påvisad ohälsa som är motiverade att delta
Boende i Lilla Edet, Trollhättan eller Grästorp',
'individ', 'personuppgifter', '2020-01-01', '2021-12-31',
25, -- assumed: at least 100 places over two years
NULL, NULL,
NULL, NULL,
21, -- assumed
1),

-- Case Manager Grästorp: activity report Jan-Aug 2019.
(6, 1, 6, 'Case Manager Grästorp', 'Case Manager', 'case-manager-grastorp', NULL,
'En case manager samordnar kontakterna med de myndigheter som behöver samverka kring personen och arbetar utifrån individens behov med social färdighetsträning, ångest och aktivering för bättre hälsa. Case managern kan vara ett aktivt stöd vid arbetspraktik enligt den evidensbaserade metoden Supported Employment.',
'Grästorp', NULL, NULL, 'Grästorp', -- street address not in the sources
'Arbetslösa kvinnor och män 20–50 år som behöver stöd från fler än en samverkande organisation
Personerna kan komma från samtliga medlemmar i förbundet',
'individ', 'personuppgifter',
'2018-01-01', -- "pågått sedan 180101"
NULL, -- end not in the sources
8, -- assumed: one case manager (12 participants in the first 20 months)
NULL, 35, -- "Tid i insats: 8 månader", about 35 weeks
NULL, NULL,
21, -- assumed
1),

-- Praktikplatssamordnare: activity report Jan-Aug 2019. Structural: no
-- participants of its own, so no places and no participant goals.
(7, 1, 12, 'Praktikplatssamordnare', 'Praktikplatssamordnare', 'praktikplatssamordnare', NULL,
'En praktikplatssamordnare i Trollhättans Stad bygger, tillsammans med jobbcoacher inom Alla behövs i jobb och Arbetsförmedlingen, upp en platsbank med privata företag som tar emot praktikanter och ser möjliga rekryteringar, för fler vägar från försörjningsstöd till egenförsörjning.

Mål: 100 platser för praktik och arbetsträning inom privat näringsliv, tre handledarutbildningar för sammanlagt 45 personer, underlag för att snabbare hitta rätt praktikplats och att sprida modellen till andra insatser som förbundet finansierar.',
'Jobbcentrum, Trollhättans Stad', NULL, NULL, 'Trollhättan',
'Privata arbetsgivare som kan ta emot praktikanter
Jobbcoacher och handläggare som arbetar med personer med försörjningsstöd',
'struktur', 'antal',
'2019-01-01', -- assumed day: started in 2019
NULL,
NULL, NULL, NULL, NULL, NULL,
NULL, -- no participants, no summary documentation
1)
ON DUPLICATE KEY UPDATE
    forbund_id = VALUES(forbund_id), host_organisation_id = VALUES(host_organisation_id),
    name = VALUES(name), short_name = VALUES(short_name), slug = VALUES(slug),
    sus_code = VALUES(sus_code), description = VALUES(description), location = VALUES(location),
    street_address = VALUES(street_address), postal_code = VALUES(postal_code), city = VALUES(city),
    target_groups = VALUES(target_groups), direction = VALUES(direction),
    measurement = VALUES(measurement), period_start = VALUES(period_start),
    period_end = VALUES(period_end), places = VALUES(places),
    typical_weeks_min = VALUES(typical_weeks_min), typical_weeks_max = VALUES(typical_weeks_max),
    hours_per_week_min = VALUES(hours_per_week_min), hours_per_week_max = VALUES(hours_per_week_max),
    summary_due_days = VALUES(summary_due_days), active = VALUES(active);

-- ------------------------------------------------------------------- goals
-- Fractions of those who ended: N of D (see 0001). Goal id = insats id * 10
-- + sort_order. The förbund-wide delmål: at least 8 of 10 increased ability
-- to work, 4 of 10 (Trampolinen 5 of 10) work or studies, 7 of 10 better
-- quality of life.
INSERT INTO insats_goal (id, insats_id, kind, label, target_numerator, target_denominator, sort_order)
VALUES
    -- Friska Vindar 2.0: the delmål, then the ESF project's targets.
    (11, 1, 'arbetsformaga',   'Ökad förmåga till förvärvsarbete',                              8,  10, 1),
    (12, 1, 'egenforsorjning', 'Egenförsörjande genom arbete eller studier vid avslut',           4,  10, 2),
    (13, 1, 'livskvalitet',    'Ökad livskvalitet',                                              7,  10, 3),
    (14, 1, 'arbete',          'Når arbetsmarknaden (ESF-mål)',                                 25, 100, 4),
    (15, 1, 'rehabilitering',  'Når rehabilitering mot arbetsmarknaden eller studier (ESF-mål)', 50, 100, 5),
    (16, 1, 'halsa',           'Upplever ökad hälsa (ESF-mål)',                                 70, 100, 6),
    -- Hälsa för Alla
    (21, 2, 'arbetsformaga',   'Ökad motivation och förmåga till förvärvsarbete, studier eller fortsatt rehabilitering', 8, 10, 1),
    -- assumed: the förbund-wide delmål. The 2017 uppdragsbeskrivning for
    -- Hälsa för Alla states only the other two goals.
    (22, 2, 'egenforsorjning', 'Egenförsörjande genom arbete eller studier vid avslut',           4,  10, 2),
    (23, 2, 'livskvalitet',    'Förbättrad livssituation',                                       7,  10, 3),
    -- Trampolinen Trollhättan
    (31, 3, 'arbetsformaga',   'Ökad förmåga att genast eller på sikt börja arbeta',             8,  10, 1),
    (32, 3, 'egenforsorjning', 'Avslut mot arbete eller studier',                                5,  10, 2),
    (33, 3, 'livskvalitet',    'Förbättrad livssituation och livskvalitet',                      7,  10, 3),
    -- Trampolinen Lilla Edet
    (41, 4, 'arbetsformaga',   'Ökad förmåga att genast eller på sikt börja arbeta',             8,  10, 1),
    (42, 4, 'egenforsorjning', 'Avslut mot arbete eller studier',                                5,  10, 2),
    (43, 4, 'livskvalitet',    'Förbättrad livssituation och livskvalitet',                      7,  10, 3),
    -- Arbetsförmågebedömning Lilla Edet
    (51, 5, 'arbetsformaga',   'Ökad förmåga till förvärvsarbete',                              8,  10, 1),
    (52, 5, 'egenforsorjning', 'Egenförsörjande genom arbete eller studier vid avslut',           4,  10, 2),
    (53, 5, 'livskvalitet',    'Ökad livskvalitet',                                              7,  10, 3),
    -- Case Manager Grästorp: assumed, the förbund-wide delmål (no goals in
    -- the sources for this insats).
    (61, 6, 'arbetsformaga',   'Ökad förmåga till förvärvsarbete',                              8,  10, 1),
    (62, 6, 'egenforsorjning', 'Egenförsörjande genom arbete eller studier vid avslut',           4,  10, 2),
    (63, 6, 'livskvalitet',    'Ökad livskvalitet',                                              7,  10, 3)
ON DUPLICATE KEY UPDATE
    insats_id = VALUES(insats_id), kind = VALUES(kind), label = VALUES(label),
    target_numerator = VALUES(target_numerator), target_denominator = VALUES(target_denominator),
    sort_order = VALUES(sort_order);

-- ------------------------------------------------------------ budget years
INSERT INTO insats_budget_year (insats_id, year, planned_participants, budget_sek, places)
VALUES
    -- "Sammanlagt 4,4 mkr varav 1,3 mkr från Europeiska socialfonden":
    -- split equally over the two years. -- assumed
    -- 400 participants over 2020-2021, 200 a year. -- assumed split
    (1, 2020, 200, 2200000, NULL),
    (1, 2021, 200, 2200000, NULL),
    -- Hälsa för Alla: 1 200 tkr a year, at least 100 places a year.
    (2, 2018, 100, 1200000, NULL),
    (2, 2019, 100, 1200000, NULL),
    -- Trampolinen Trollhättan: budget not in the sources.
    (3, 2019,  45, NULL, NULL), -- assumed: 45 took part Jan-Aug 2019
    -- Trampolinen Lilla Edet: 1 100 tkr a year, "budget för 30 platser" in 2019.
    (4, 2018,  30, 1100000, 23), -- planned participants assumed
    (4, 2019,  30, 1100000, 30), -- planned participants assumed
    -- Arbetsförmågebedömning Lilla Edet: 1,1 mkr a year, at least 100
    -- places over both years. -- assumed split 50 + 50
    (5, 2020,  50, 1100000, NULL),
    (5, 2021,  50, 1100000, NULL),
    -- Case Manager Grästorp: budget not in the sources.
    (6, 2019,  10, NULL, NULL), -- assumed: 12 participants in the first 20 months
    -- Praktikplatssamordnare: structural, one post, no participants.
    (7, 2019,   0, NULL, NULL)
ON DUPLICATE KEY UPDATE
    planned_participants = VALUES(planned_participants), budget_sek = VALUES(budget_sek),
    places = VALUES(places);

-- ------------------------------------------------------------------- staff
-- Demo accounts: password "stegvis-demo" for all but sus-job, which has no
-- password (it will authenticate with a token). Loading again resets them.
INSERT INTO staff (id, forbund_id, organisation_id, username, display_name, email, password_hash,
                   must_change_password, active, failed_logins, locked_until)
VALUES
    (1, 1, 1,  'admin',          'Demo Administratör',
     'admin@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$k2ji//xzFYwWSWJz0a4xvQ$HXxiT03CRcwpzQ2VLE2dKmJ/VlhyIz2KKNtop6iwGdg',
     0, 1, 0, NULL),
    (2, 1, 2,  'remittent.fk',   'Demo Handläggare Försäkringskassan',
     'remittent.fk@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$9iOTsQ7c9yhrpi1osvfbGw$K5OlNq5peRi11BW3c57/gY2hmbtzZpgXZu2ckbrPGKY',
     0, 1, 0, NULL),
    (3, 1, 10, 'remittent.soc',  'Demo Socialsekreterare Trollhättan',
     'remittent.soc@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$kgIvuD/2MVkP7toL0WJulw$W3+YDImJ2bjjnvWWuT/JCO7NpVpdZIszqVbbGbz0DSw',
     0, 1, 0, NULL),
    -- Insats staff keep their home organisation: personal.fv is employed by
    -- the city (ASF), personal.tramp by Arbetsförmedlingen. -- assumed
    (4, 1, 12, 'personal.fv',    'Demo Personal Friska Vindar 2.0',
     'personal.fv@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$5s6kA7H0yYLD9j+3W6HOvA$63hkwpEc5apePB7wlcmMerXqoCMQNvOyoOF0hA+dGxs',
     0, 1, 0, NULL),
    (5, 1, 3,  'personal.tramp', 'Demo Personal Trampolinen',
     'personal.tramp@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$6XPbQTyWd0zCkqx8cowxwQ$NtCYMmnw6/HuuIUhOGmz6REPAruUHOIg882mOtborig',
     0, 1, 0, NULL),
    (6, 1, 1,  'forbund',        'Demo Förbundschef',
     'forbund@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$Te/JlPJETTh8w7LHzGFBUQ$aejaBihlHaRCyBu199qpKCMMcYI7s9kU6Dhu6JhEhQ8',
     0, 1, 0, NULL),
    (7, 1, 1,  'sus-job',        'SUS-integration (demo)',
     NULL, NULL,
     0, 1, 0, NULL),
    -- Case Manager Grästorp is the one insats still running: its staff
    -- member has a live inbox in the demo (hash as personal.tramp's).
    (8, 1, 6,  'personal.cm',    'Demo Personal Case Manager',
     'personal.cm@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$6XPbQTyWd0zCkqx8cowxwQ$NtCYMmnw6/HuuIUhOGmz6REPAruUHOIg882mOtborig',
     0, 1, 0, NULL)
ON DUPLICATE KEY UPDATE
    forbund_id = VALUES(forbund_id),
    organisation_id = VALUES(organisation_id), username = VALUES(username),
    display_name = VALUES(display_name), email = VALUES(email),
    password_hash = VALUES(password_hash), must_change_password = VALUES(must_change_password),
    active = VALUES(active), failed_logins = VALUES(failed_logins),
    locked_until = VALUES(locked_until);

INSERT INTO staff_role (staff_id, role)
VALUES
    (1, 'admin'),
    (2, 'remittent'),
    (3, 'remittent'),
    (4, 'insatspersonal'),
    (5, 'insatspersonal'),
    (6, 'forbund'),
    (7, 'integration'),
    (8, 'insatspersonal')
ON DUPLICATE KEY UPDATE role = VALUES(role);

-- The demo's admin manages the installation's settings, the code lists
-- (sql/0078; on a real server `stegvis installation-admin` names them).
UPDATE staff SET installation_admin = 1 WHERE id = 1;

INSERT INTO staff_insats (staff_id, insats_id)
VALUES
    (4, 1), -- personal.fv: Friska Vindar 2.0
    (5, 3), -- personal.tramp: Trampolinen Trollhättan
    (5, 4), -- personal.tramp: Trampolinen Lilla Edet
    (8, 6)  -- personal.cm: Case Manager Grästorp
ON DUPLICATE KEY UPDATE insats_id = VALUES(insats_id);

-- ------------------------------------------------- the förbund's delmål
-- The goals of the förbund-wide activity report (sql/0011): at least 8 of
-- 10 increased ability to work, 4 of 10 work or studies, 7 of 10 better
-- quality of life, of those who ended (DOMAIN.md "The insatser").
INSERT INTO forbund_goal (id, forbund_id, kind, label, target_numerator, target_denominator, sort_order)
VALUES
    (1, 1, 'arbetsformaga',   'Ökad förmåga till förvärvsarbete',                    8, 10, 1),
    (2, 1, 'egenforsorjning', 'Egenförsörjande genom arbete eller studier vid avslut', 4, 10, 2),
    (3, 1, 'livskvalitet',    'Ökad livskvalitet',                                   7, 10, 3)
ON DUPLICATE KEY UPDATE
    forbund_id = VALUES(forbund_id), kind = VALUES(kind), label = VALUES(label),
    target_numerator = VALUES(target_numerator), target_denominator = VALUES(target_denominator),
    sort_order = VALUES(sort_order);

-- ------------------------------------------------- a second, invented förbund
-- An installation serves several förbund (README "Flera förbund i en
-- installation"); the demo has two, so every page can be walked from both
-- sides. This one is invented, name and all: nothing of it comes from the
-- sources. Its start page has a host name of its own; the first förbund
-- keeps the installation's default address. Ids from 201, clear of the
-- first förbund's.
INSERT INTO forbund (id, name, short_name, org_number, sus_code, public_host, municipalities,
                     description, active)
VALUES (2, 'Samordningsförbundet Exempelbygden (påhittat)', 'EXEMPEL', NULL, NULL,
        'exempelbygden.stegvis.localhost', 'Exempelstad, Provby',
        'Ett påhittat förbund i demodata: en installation kan tjäna flera förbund, och inget i det ena syns i det andra.',
        1)
ON DUPLICATE KEY UPDATE
    name = VALUES(name), short_name = VALUES(short_name), org_number = VALUES(org_number),
    sus_code = VALUES(sus_code), public_host = VALUES(public_host),
    municipalities = VALUES(municipalities), description = VALUES(description),
    active = VALUES(active);

INSERT INTO organisation (id, forbund_id, parent_id, kind, name, short_name, share_within_unit, active)
VALUES
    (201, 2, NULL, 'other',  'Förbundskansliet',     'Kansliet', 0, 1),
    (202, 2, NULL, 'fk',     'Försäkringskassan',    'FK',       0, 1),
    (203, 2, NULL, 'af',     'Arbetsförmedlingen',   'AF',       0, 1),
    (204, 2, NULL, 'kommun', 'Exempelstads kommun',  '',         0, 1),
    (205, 2, NULL, 'region', 'Region Exempel',       '',         0, 1),
    (206, 2, 204,  'unit',   'Arbetsmarknadsenheten', 'AME',     0, 1)
ON DUPLICATE KEY UPDATE
    forbund_id = VALUES(forbund_id), parent_id = VALUES(parent_id), kind = VALUES(kind),
    name = VALUES(name), short_name = VALUES(short_name),
    share_within_unit = VALUES(share_within_unit), active = VALUES(active);

INSERT INTO insats (id, forbund_id, host_organisation_id, name, short_name, slug, sus_code,
                    description, location, street_address, postal_code, city, target_groups,
                    direction, measurement, period_start, period_end, places,
                    typical_weeks_min, typical_weeks_max, hours_per_week_min, hours_per_week_max,
                    summary_due_days, active)
VALUES
(201, 2, 206, 'Steg framåt', 'Steg framåt', 'steg-framat', NULL,
'Ett påhittat exempel: individuellt stöd i små steg mot arbete eller studier, med kartläggning, planering och arbetsträning.',
'Arbetsmarknadsenheten, Storgatan 1', 'Storgatan 1', NULL, 'Exempelstad',
'Kvinnor och män som har varit sjukskrivna eller arbetslösa länge',
'individ', 'personuppgifter', '2021-01-01', NULL,
15, 12, 20, 4, 20, 21, 1),
(202, 2, 203, 'Arbetsträning Provby', 'Arbetsträning Provby', 'arbetstraning-provby', NULL,
'Ett påhittat exempel: arbetsträning på en arbetsplats i Provby, med en handledare.',
'Arbetsförmedlingen Provby', NULL, NULL, 'Provby',
'Kvinnor och män som behöver arbetsträning innan de söker arbete',
'individ', 'personuppgifter', '2020-01-01', NULL,
10, 8, 16, 10, 30, 21, 1),
(203, 2, 206, 'Arbetsgivarnätverket', 'Arbetsgivarnätverket', 'arbetsgivarnatverket', NULL,
'Ett påhittat exempel: ett nätverk av arbetsgivare som tar emot praktikanter.',
'Arbetsmarknadsenheten', NULL, NULL, 'Exempelstad',
'Arbetsgivare i Exempelstad och Provby',
'struktur', 'antal', '2021-01-01', NULL,
NULL, NULL, NULL, NULL, NULL, NULL, 1)
ON DUPLICATE KEY UPDATE
    forbund_id = VALUES(forbund_id), host_organisation_id = VALUES(host_organisation_id),
    name = VALUES(name), short_name = VALUES(short_name), slug = VALUES(slug),
    sus_code = VALUES(sus_code), description = VALUES(description), location = VALUES(location),
    street_address = VALUES(street_address), postal_code = VALUES(postal_code), city = VALUES(city),
    target_groups = VALUES(target_groups), direction = VALUES(direction),
    measurement = VALUES(measurement), period_start = VALUES(period_start),
    period_end = VALUES(period_end), places = VALUES(places),
    typical_weeks_min = VALUES(typical_weeks_min), typical_weeks_max = VALUES(typical_weeks_max),
    hours_per_week_min = VALUES(hours_per_week_min), hours_per_week_max = VALUES(hours_per_week_max),
    summary_due_days = VALUES(summary_due_days), active = VALUES(active);

-- One account per role, as in the first förbund (same demo password).
INSERT INTO staff (id, forbund_id, organisation_id, username, display_name, email, password_hash,
                   must_change_password, active, failed_logins, locked_until)
VALUES
    (201, 2, 201, 'admin.exempel',     'Demo Administratör Exempelbygden',
     'admin.exempel@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$k2ji//xzFYwWSWJz0a4xvQ$HXxiT03CRcwpzQ2VLE2dKmJ/VlhyIz2KKNtop6iwGdg',
     0, 1, 0, NULL),
    (202, 2, 202, 'remittent.exempel', 'Demo Handläggare Exempelbygden',
     'remittent.exempel@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$9iOTsQ7c9yhrpi1osvfbGw$K5OlNq5peRi11BW3c57/gY2hmbtzZpgXZu2ckbrPGKY',
     0, 1, 0, NULL),
    (203, 2, 206, 'personal.exempel',  'Demo Personal Steg framåt',
     'personal.exempel@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$5s6kA7H0yYLD9j+3W6HOvA$63hkwpEc5apePB7wlcmMerXqoCMQNvOyoOF0hA+dGxs',
     0, 1, 0, NULL),
    (204, 2, 201, 'forbund.exempel',   'Demo Förbundschef Exempelbygden',
     'forbund.exempel@stegvis.example',
     '$argon2id$v=19$m=65536,t=2,p=1$Te/JlPJETTh8w7LHzGFBUQ$aejaBihlHaRCyBu199qpKCMMcYI7s9kU6Dhu6JhEhQ8',
     0, 1, 0, NULL),
    (205, 2, 201, 'sus-job.exempel',   'SUS-integration Exempelbygden (demo)',
     NULL, NULL,
     0, 1, 0, NULL)
ON DUPLICATE KEY UPDATE
    forbund_id = VALUES(forbund_id),
    organisation_id = VALUES(organisation_id), username = VALUES(username),
    display_name = VALUES(display_name), email = VALUES(email),
    password_hash = VALUES(password_hash), must_change_password = VALUES(must_change_password),
    active = VALUES(active), failed_logins = VALUES(failed_logins),
    locked_until = VALUES(locked_until);

INSERT INTO staff_role (staff_id, role)
VALUES
    (201, 'admin'),
    (202, 'remittent'),
    (203, 'insatspersonal'),
    (204, 'forbund'),
    (205, 'integration')
ON DUPLICATE KEY UPDATE role = VALUES(role);

INSERT INTO staff_insats (staff_id, insats_id)
VALUES
    (203, 201) -- personal.exempel: Steg framåt
ON DUPLICATE KEY UPDATE insats_id = VALUES(insats_id);

INSERT INTO forbund_goal (id, forbund_id, kind, label, target_numerator, target_denominator, sort_order)
VALUES
    (201, 2, 'arbetsformaga',   'Ökad förmåga till förvärvsarbete',                    7, 10, 1),
    (202, 2, 'egenforsorjning', 'Egenförsörjande genom arbete eller studier vid avslut', 3, 10, 2)
ON DUPLICATE KEY UPDATE
    forbund_id = VALUES(forbund_id), kind = VALUES(kind), label = VALUES(label),
    target_numerator = VALUES(target_numerator), target_denominator = VALUES(target_denominator),
    sort_order = VALUES(sort_order);

COMMIT;
