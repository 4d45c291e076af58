/**
 * Camel health checks of the roles (camel-health): the IOTA node, the meter (P1 source), the device's
 * spool (age of its oldest telegram) and data channel, the followers' lag (device, provider), My Home's
 * event channel, the data directory's disk. Each is a readiness check: a DOWN one names what is
 * wrong and what to do, and restarting the process would not help, so liveness stays with Camel's own
 * context check. They are bound as beans; camel-health's registry repository finds them in the registry
 * and camel-main's management server answers {@code /observe/health}, {@code /observe/health/ready} and
 * {@code /observe/health/live} (docs/operations.md).
 */
package org.p1iota.app.ops.health;
