-- 0035_sus_export_v2.sql: what the SUS export's schema version 2 needs
-- (conf/sus-export-2.xsd; issue 21, items 1-4; README "The SUS export").
--
-- * code_municipality: SCB's kommunkod (four digits) for the
--   folkbokföringskommun. The person records keep the free text they have
--   always had (the forms write it); the export maps it to a code here by
--   name (case-insensitive, a trailing " kommun" ignored) or by the code
--   itself typed as text. A text that maps to no kommun holds the
--   registration back (version 2) and is listed on /sus/kvalitet. Seeded
--   with the 49 kommuner of Västra Götaland, where the förbund's members
--   are; a kommun elsewhere is one INSERT away (the list is data).
-- * The extent (omfattning) of each income source and of the occupation,
--   before and after, in percent of full time (100 % = 40 h/week,
--   DOMAIN.md). NULL: not recorded; the export then leaves it out.
-- * sus_batch.schema_version: the version each document follows.
-- * sus_batch_item.action 'kvarhallen': the registration the receiver
--   holds is incomplete now and is kept there as last sent.
-- * sus_batch_count.held_started/held_ended: of a group's counts, the
--   participations counted there only while their registration is held
--   back (version 2).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE code_municipality (
    code   CHAR(4) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'SCB kommunkod, e.g. 1488',
    name   VARCHAR(100) NOT NULL COMMENT 'Without "kommun", e.g. Trollhättan',
    active BOOL NOT NULL DEFAULT 1,
    PRIMARY KEY (code),
    UNIQUE KEY uq_code_municipality_name (name),
    CONSTRAINT ck_code_municipality_code CHECK (code REGEXP '^[0-9]{4}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Kommuner with their SCB code: the folkbokföringskommun as the SUS export (version 2) sends it.';

INSERT INTO code_municipality (code, name) VALUES
    ('1401', 'Härryda'), ('1402', 'Partille'), ('1407', 'Öckerö'),
    ('1415', 'Stenungsund'), ('1419', 'Tjörn'), ('1421', 'Orust'),
    ('1427', 'Sotenäs'), ('1430', 'Munkedal'), ('1435', 'Tanum'),
    ('1438', 'Dals-Ed'), ('1439', 'Färgelanda'), ('1440', 'Ale'),
    ('1441', 'Lerum'), ('1442', 'Vårgårda'), ('1443', 'Bollebygd'),
    ('1444', 'Grästorp'), ('1445', 'Essunga'), ('1446', 'Karlsborg'),
    ('1447', 'Gullspång'), ('1452', 'Tranemo'), ('1460', 'Bengtsfors'),
    ('1461', 'Mellerud'), ('1462', 'Lilla Edet'), ('1463', 'Mark'),
    ('1465', 'Svenljunga'), ('1466', 'Herrljunga'), ('1470', 'Vara'),
    ('1471', 'Götene'), ('1472', 'Tibro'), ('1473', 'Töreboda'),
    ('1480', 'Göteborg'), ('1481', 'Mölndal'), ('1482', 'Kungälv'),
    ('1484', 'Lysekil'), ('1485', 'Uddevalla'), ('1486', 'Strömstad'),
    ('1487', 'Vänersborg'), ('1488', 'Trollhättan'), ('1489', 'Alingsås'),
    ('1490', 'Borås'), ('1491', 'Ulricehamn'), ('1492', 'Åmål'),
    ('1493', 'Mariestad'), ('1494', 'Lidköping'), ('1495', 'Skara'),
    ('1496', 'Skövde'), ('1497', 'Hjo'), ('1498', 'Tidaholm'),
    ('1499', 'Falköping');

ALTER TABLE referral_income
    ADD COLUMN extent_percent TINYINT UNSIGNED NULL COMMENT 'Omfattning, % of full time (100 % = 40 h/week); NULL: not recorded',
    ADD CONSTRAINT ck_referral_income_extent CHECK (extent_percent IS NULL OR extent_percent <= 100);

ALTER TABLE participation_income_after
    ADD COLUMN extent_percent TINYINT UNSIGNED NULL COMMENT 'Omfattning, % of full time (100 % = 40 h/week); NULL: not recorded',
    ADD CONSTRAINT ck_pia_extent CHECK (extent_percent IS NULL OR extent_percent <= 100);

ALTER TABLE participation
    ADD COLUMN occupation_before_percent TINYINT UNSIGNED NULL COMMENT 'Omfattning of the occupation before, % of 40 h/week',
    ADD COLUMN occupation_after_percent TINYINT UNSIGNED NULL COMMENT 'Omfattning of the occupation after, % of 40 h/week',
    ADD CONSTRAINT ck_participation_occ_extent CHECK ((occupation_before_percent IS NULL OR occupation_before_percent <= 100)
                                                      AND (occupation_after_percent IS NULL OR occupation_after_percent <= 100));

ALTER TABLE sus_batch
    ADD COLUMN schema_version TINYINT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'The XSD version the document follows (conf/sus-export-N.xsd)' AFTER acked_when_built,
    ADD COLUMN n_kept INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'kvarhallen markers: held back, kept at the receiver as last sent' AFTER n_held_back;

ALTER TABLE sus_batch_item
    MODIFY action ENUM('ny','andrad','anonymiserad','felregistrering','kvarhallen') NOT NULL
        COMMENT 'ny/andrad: sent whole. anonymiserad/felregistrering: the receiver deletes it. kvarhallen: incomplete now, the receiver keeps what it holds';

ALTER TABLE sus_batch_count
    ADD COLUMN held_started INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Of started: held-back registrations counted here meanwhile',
    ADD COLUMN held_ended INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Of ended: held-back registrations counted here meanwhile';

GRANT SELECT ON code_municipality TO 'stegvis'@'localhost'
