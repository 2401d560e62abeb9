-- The consent ledger is proof: a choice is recorded by a new row, never by changing one.
-- Rows may still be deleted, by retention and erasure, which the data map governs.
CREATE OR REPLACE FUNCTION consent_ledger_refuse_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_ledger is append-only: UPDATE refused'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS consent_ledger_append_only ON consent_ledger;
--> statement-breakpoint
CREATE TRIGGER consent_ledger_append_only
  BEFORE UPDATE ON consent_ledger
  FOR EACH ROW EXECUTE FUNCTION consent_ledger_refuse_update();
