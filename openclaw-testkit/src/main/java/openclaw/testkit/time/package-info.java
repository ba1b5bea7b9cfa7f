/** Deterministic time for tests: {@link openclaw.testkit.time.ManualClock}. Depends on the JDK only. */
package openclaw.testkit.time;
