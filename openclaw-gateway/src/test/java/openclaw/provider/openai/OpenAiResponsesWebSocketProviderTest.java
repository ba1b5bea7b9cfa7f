package openclaw.provider.openai;

import java.net.URI;
import openclaw.sdk.provider.ModelProvider;
import openclaw.testkit.provider.ModelProviderContract;
import openclaw.testkit.provider.ProviderFake;
import openclaw.testkit.provider.openai.FakeOpenAiResponsesServer;

class OpenAiResponsesWebSocketProviderTest extends ModelProviderContract {

    @Override
    protected ProviderFake startFake() {
        return FakeOpenAiResponsesServer.start();
    }

    @Override
    protected ModelProvider providerFor(URI baseUrl) {
        return OpenAiResponsesProvider.create(
                "openai",
                baseUrl,
                "test-key",
                ResponsesSettings.DEFAULTS.withTransport(ResponsesSettings.Transport.WEBSOCKET));
    }

    @Override
    protected String model() {
        return "gpt-5";
    }
}
