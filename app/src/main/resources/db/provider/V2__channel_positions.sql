-- Where each household's data channel is read next (the iota-mam follower's subscriptions), in the
-- database rather than a file beside one instance: any instance continues a channel where the last
-- reader stopped. The side key is the household's secret for this provider, like its readings.
CREATE TABLE channel_position (
  subscription VARCHAR(64) PRIMARY KEY,
  root CHAR(81) NOT NULL,
  mode VARCHAR(12) NOT NULL,
  side_key VARCHAR(81),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL);
