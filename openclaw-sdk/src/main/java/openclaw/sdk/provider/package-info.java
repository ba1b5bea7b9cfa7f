/**
 * The model provider SPI: {@link openclaw.sdk.provider.ModelProvider}, its pull-based
 * {@link openclaw.sdk.provider.ChatStream} of sealed {@link openclaw.sdk.provider.StreamEvent}s, and the typed
 * {@link openclaw.sdk.provider.ProviderException}. JDK only; every value is immutable and non-null.
 */
package openclaw.sdk.provider;
