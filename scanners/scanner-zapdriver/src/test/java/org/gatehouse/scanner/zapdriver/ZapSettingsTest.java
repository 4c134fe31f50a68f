package org.gatehouse.scanner.zapdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zaproxy.clientapi.core.ApiResponseElement;
import org.zaproxy.clientapi.core.ApiResponseList;
import org.zaproxy.clientapi.core.ApiResponseSet;

/** The value types: validation, masked secrets, defaults. */
class ZapSettingsTest {
    private static final ApiKey KEY = new ApiKey(ZapStub.KEY);

    @Test
    void toStringMasksTheApiKeyAndTheAuthenticationToken() {
        ZapSettings settings = ZapSettings.of(URI.create("https://zap.scan.example:8443"), KEY);
        Authentication token = new Authentication.HeaderToken("Authorization", Secrets.TOKEN);
        ScanRequest request = ScanRequest.of(URI.create("http://shop.test/"), Path.of("r.json")).withAuthentication(token);
        Secrets.assertNone(settings.toString());
        Secrets.assertNone(KEY.toString());
        Secrets.assertNone(request.toString());
        assertEquals("ZapSettings[baseUrl=https://zap.scan.example:8443, apiKey=****, connectTimeout=PT5S,"
                + " readTimeout=PT1M, pollInterval=PT5S]", settings.toString());
        assertEquals("HeaderToken[header=Authorization, value=****]", token.toString());
    }

    @Test
    void zapAddressIsAnHttpOrHttpsUrlWithoutCredentials() {
        assertThrows(IllegalArgumentException.class, () -> ZapSettings.of(URI.create("ftp://zap:21"), KEY));
        assertThrows(IllegalArgumentException.class, () -> ZapSettings.of(URI.create("zap:8080"), KEY));
        assertThrows(IllegalArgumentException.class, () -> ZapSettings.of(URI.create("http://u:p@zap:8080"), KEY));
        assertThrows(IllegalArgumentException.class, () -> new ApiKey(" "));
        assertThrows(IllegalArgumentException.class, () -> new ZapSettings(URI.create("http://zap:8080"), KEY,
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertEquals(8443, ZapSettings.of(URI.create("https://zap:8443/"), KEY).baseUrl().getPort());
    }

    @Test
    void redactorMasksPlainAndUrlEncodedSecrets() {
        Redactor redactor = Redactor.of(ZapStub.KEY, "");
        assertEquals("key **** and ****", redactor.apply("key " + ZapStub.KEY + " and k3y-S3CRET-9f8e7d%2B%2F%3D"));
        assertEquals("", redactor.apply(null));
    }

    @Test
    void requestDefaultsToEverythingUnderTheTargetAndRejectsBadInput() {
        ScanRequest request = ScanRequest.of(URI.create("http://shop.test:8080/app"), Path.of("r.json"));
        assertEquals(List.of("\\Qhttp://shop.test:8080/app\\E.*"), request.context().includes());
        assertEquals(Optional.empty(), request.policy());
        assertEquals(Duration.ofHours(8), request.timeout());
        assertTrue(request.context().includes().get(0).matches(".*") && "http://shop.test:8080/app/cart"
                .matches(request.context().includes().get(0)));
        assertEquals(Optional.empty(), request.withPolicy(" ").policy());
        assertThrows(IllegalArgumentException.class, () -> new ScanContext(List.of("(unclosed"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ScanContext(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> ScanRequest.of(URI.create("file:///etc/passwd"), Path.of("r")));
        assertThrows(IllegalArgumentException.class, () -> new Authentication.HeaderToken("Bad Header", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Authentication.HeaderToken("X-T", "a\r\nInjected: 1"));
        assertThrows(IllegalArgumentException.class, () -> new ScanProgress(ScanPhase.SPIDER, 101));
    }

    @Test
    void zapJsonShapesBecomeClientApiResponses() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals("42", ((ApiResponseElement) ZapApi.convert("status", json.readTree("\"42\""))).getValue());
        ApiResponseList scans = (ApiResponseList) ZapApi.convert("scans",
                json.readTree("[{\"id\":\"0\",\"progress\":\"100\",\"state\":\"FINISHED\"}]"));
        ApiResponseSet first = (ApiResponseSet) scans.getItems().get(0);
        assertEquals("FINISHED", first.getStringValue("state"));
        assertEquals(7, ZapApi.number(new ApiResponseElement("status", " 7")));
        assertThrows(ZapCallFailed.class, () -> ZapApi.number(new ApiResponseElement("status", "n/a")));
    }
}
