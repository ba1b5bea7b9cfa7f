/**
 * The model-provider contract suite ({@link openclaw.testkit.provider.ModelProviderContract}) and the fake
 * interface every provider's loopback fake implements. Depends on the SDK and JUnit/AssertJ only.
 */
package openclaw.testkit.provider;
