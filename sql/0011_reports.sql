-- 0011_reports.sql: what the activity report needs (app/report.c).
--
-- Indexes for the report's aggregates over participations in a period:
--   ix_participation_report: one insats, participations that started by
--     the end of the period and had not ended before its start
--   ix_participation_ended: those who ended in the period (outcomes, time
--     in the insats), förbund-wide or per insats
-- And the förbund's own goals (delmål), which the förbund-wide report is
-- measured against: insats_goal holds each insats's figures, this the
-- förbund's, with the same representation (at least N of D of those who
-- ended). The three delmål of DOMAIN.md are seeded for every förbund that
-- exists when this runs (a fresh install gets them from demo.sql or by hand).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE participation
    ADD KEY ix_participation_report (insats_id, start_date, end_date, status),
    ADD KEY ix_participation_ended (end_date, status, insats_id);

CREATE TABLE forbund_goal (
    id                 INT UNSIGNED NOT NULL AUTO_INCREMENT,
    forbund_id         INT UNSIGNED NOT NULL,
    kind               ENUM('arbetsformaga','egenforsorjning','livskvalitet',
                            'arbete','rehabilitering','halsa','other') NOT NULL
                       COMMENT 'As insats_goal.kind',
    label              VARCHAR(200) NOT NULL COMMENT 'Swedish text as shown',
    target_numerator   SMALLINT UNSIGNED NOT NULL,
    target_denominator SMALLINT UNSIGNED NOT NULL DEFAULT 10,
    sort_order         SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_forbund_goal_order (forbund_id, sort_order),
    CONSTRAINT fk_forbund_goal_forbund FOREIGN KEY (forbund_id)
        REFERENCES forbund (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT ck_forbund_goal_label CHECK (label <> ''),
    CONSTRAINT ck_forbund_goal_fraction CHECK (target_denominator > 0 AND target_numerator <= target_denominator)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The förbund''s own result goals (delmål) for the förbund-wide activity report.';

INSERT INTO forbund_goal (forbund_id, kind, label, target_numerator, target_denominator, sort_order)
SELECT id, 'arbetsformaga', 'Ökad förmåga till förvärvsarbete', 8, 10, 1 FROM forbund
UNION ALL
SELECT id, 'egenforsorjning', 'Egenförsörjande genom arbete eller studier vid avslut', 4, 10, 2 FROM forbund
UNION ALL
SELECT id, 'livskvalitet', 'Ökad livskvalitet', 7, 10, 3 FROM forbund;

GRANT SELECT ON forbund_goal TO 'stegvis'@'localhost'
