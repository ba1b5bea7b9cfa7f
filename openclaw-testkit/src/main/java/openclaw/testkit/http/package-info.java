/** Loopback HTTP fakes for tests: a scripted server that streams SSE and records requests. JDK only. */
package openclaw.testkit.http;
