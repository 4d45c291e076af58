-- Customer accounts (issue 16): sign up / log in with an Argon2id password hash (AccountStore), and the
-- meters a customer connected, by the name the household gave each.
CREATE TABLE IF NOT EXISTS account (
  id VARCHAR(64) PRIMARY KEY,
  email VARCHAR(254) NOT NULL UNIQUE,
  password_hash VARCHAR(200) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL);

CREATE TABLE IF NOT EXISTS account_household (
  household VARCHAR(64) PRIMARY KEY,
  account_id VARCHAR(64),
  meter_name VARCHAR(64) NOT NULL);

CREATE INDEX IF NOT EXISTS account_household_by_account ON account_household(account_id);
