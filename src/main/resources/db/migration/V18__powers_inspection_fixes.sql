-- powers: random inspection fixes: an explicit kind of inspected entity (an individual's name is masked and its
-- address never published), kept in the draw snapshot; the inspector's area in its own snapshot column.

ALTER TABLE pw_insp_entity ADD COLUMN entity_kind VARCHAR(20);
UPDATE pw_insp_entity SET entity_kind = CASE
    WHEN credit_code IS NULL OR credit_code LIKE '92%' OR category LIKE '%个人%' OR category LIKE '%个体%'
         OR category LIKE '%自然人%' THEN 'INDIVIDUAL'
    ELSE 'ORGANISATION' END;
ALTER TABLE pw_insp_entity ALTER COLUMN entity_kind SET NOT NULL;

-- NULL for an entity means "individual" (never published unmasked); NULL for an inspector.
ALTER TABLE pw_insp_draw_candidate ADD COLUMN entity_kind VARCHAR(20);
ALTER TABLE pw_insp_draw_candidate ADD COLUMN area VARCHAR(200);
UPDATE pw_insp_draw_candidate SET entity_kind = CASE
    WHEN candidate_key LIKE 'ID%' OR candidate_key LIKE '92%' OR category LIKE '%个人%' OR category LIKE '%个体%'
         OR category LIKE '%自然人%' THEN 'INDIVIDUAL'
    ELSE 'ORGANISATION' END
  WHERE pool = 'ENTITY';
UPDATE pw_insp_draw_candidate SET area = risk_grade, risk_grade = NULL WHERE pool = 'INSPECTOR';

CREATE INDEX pw_insp_plan_public ON pw_insp_plan (status, published_at, id);
