/**
 * Real databases for tests: a throw-away PostgreSQL schema per test class. Uses the PostgreSQL JDBC driver and
 * nothing from the gateway.
 */
package openclaw.testkit.db;
