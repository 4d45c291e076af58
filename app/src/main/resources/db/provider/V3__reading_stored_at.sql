-- When the provider stored each reading: with the meter's own time, how late it arrived (the lag that
-- ./p1-iota bench provider reports, and what an operator looks at when a household seems behind).
ALTER TABLE reading ADD COLUMN stored_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP;
