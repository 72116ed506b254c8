-- A database as the first schema (migration 0001_initial) left it, with a row in every table.
BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'planner','0001_initial','2026-11-20 08:59:00.000000+00:00');
CREATE TABLE interview_rounds (
            interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
            round TEXT NOT NULL,
            date TEXT NOT NULL,
            PRIMARY KEY (interview_id, round)
        );
INSERT INTO "interview_rounds" VALUES(1,'recruiter-screen','2026-12-01');
CREATE TABLE interviews (
            id INTEGER PRIMARY KEY,
            company TEXT NOT NULL,
            role TEXT,
            date TEXT NOT NULL,              -- ISO date of the last round, the day it all leads to
            notes TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
INSERT INTO "interviews" VALUES(1,'Acme Robotics','ML Engineer','2026-12-11','onsite in Berlin','2026-11-20 09:00:00');
CREATE TABLE plan_tasks (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,                   -- names the work, so work done is not planned again
            interview_id INTEGER REFERENCES interviews(id) ON DELETE CASCADE,
            round TEXT NOT NULL,
            question_id TEXT,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            due TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'skipped')),
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
INSERT INTO "plan_tasks" VALUES(1,'code-attention',1,'ml-coding','code-attention','drill','Implement attention',40,'2026-11-25','done','2026-11-20 09:00:00');
INSERT INTO "plan_tasks" VALUES(2,'concept-bias-variance',1,'ml-concepts','concept-bias-variance','drill','Explain bias-variance',15,'2026-11-26','planned','2026-11-20 09:00:00');
CREATE TABLE practice_log (
            id INTEGER PRIMARY KEY,
            task_id INTEGER REFERENCES plan_tasks(id) ON DELETE SET NULL,
            round TEXT NOT NULL,
            question_id TEXT,
            minutes INTEGER NOT NULL,
            done_on TEXT NOT NULL,
            note TEXT
        );
INSERT INTO "practice_log" VALUES(1,1,'ml-coding','code-attention',45,'2026-11-25','needed the mask hint');
INSERT INTO "practice_log" VALUES(2,NULL,'behavioral',NULL,20,'2026-11-22',NULL);
CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL                  -- JSON
        );
INSERT INTO "settings" VALUES('budget','{"daily": 90, "weekdays": {}, "days_off": ["sun"]}');
CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            task TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL DEFAULT '',
            result TEXT NOT NULL DEFAULT '',
            themes TEXT NOT NULL DEFAULT '[]',   -- JSON list of themes
            tags TEXT NOT NULL DEFAULT '[]',     -- JSON list of free tags
            company TEXT,
            role TEXT,
            year INTEGER,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
INSERT INTO "stories" VALUES(1,'Shipped the ranking model two weeks early','Our feed ranker was stale.','Retrain it before the holiday freeze.','I rebuilt the feature pipeline and ran a shadow test.','CTR up 4%, shipped 2 weeks early.','["success","challenge"]','["ranking","deadline"]','Globex','ML Engineer',2024,'2026-11-20 09:00:00','2026-11-21 10:00:00');
INSERT INTO "stories" VALUES(2,'Pushed back on a label "fix" 🙂','Labels drifted; the lead wanted to relabel by hand.','','I showed the DROP TABLE-proof audit query; we agreed on sampling.','','["conflict"]','[]',NULL,NULL,NULL,'2026-11-20 09:05:00','2026-11-20 09:05:00');
CREATE TABLE story_uses (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            company TEXT NOT NULL,
            round TEXT,
            date TEXT NOT NULL
        );
INSERT INTO "story_uses" VALUES(1,1,'Initech','behavioral','2026-10-02');
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX story_uses_story ON story_uses(story_id);
CREATE INDEX plan_tasks_due ON plan_tasks(due);
COMMIT;
