/**
 * The web layer shared by My Home and Wattt Insights: sessions, CSRF, bearer tokens, security
 * headers, header hygiene for camel-jetty, static assets from the classpath, and the verification of
 * consent links against the provider's published metadata. Everything here is a Camel
 * {@link org.apache.camel.Processor} or a plain bean, so YAML routes can use it by reference; see
 * docs/http-api.md for the wiring.
 */
package org.p1iota.app.web;
