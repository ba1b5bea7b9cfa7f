/**
 * The OpenClaw SPI root: the exception hierarchy root shared by every module. Depends on the JDK only; nothing in
 * this package may reference gateway internals.
 */
package openclaw.sdk;
