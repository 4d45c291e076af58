-- The end date a household's consent carries (CHANNEL_KEYS v3 until, issue 15): a key rotation that
-- leaves this provider out at that date reads as "consent ended", not "revoked" (ConsentEnds).
CREATE TABLE IF NOT EXISTS consent_end (
  household VARCHAR(64) PRIMARY KEY,
  until_at TIMESTAMP WITH TIME ZONE NOT NULL);
