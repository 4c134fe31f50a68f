package org.gatehouse.findings.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gatehouse.workflow.api.ProtectionLevel;

/** The SLA policy from configuration ({@code gatehouse.sla.level-1} … {@code level-3}). */
@ApplicationScoped
public class SlaConfiguration {
    /** Dependent scope: the policy is an immutable value (and final, so it cannot be proxied). */
    @Produces
    SlaPolicy policy() {
        Config config = ConfigProvider.getConfig();
        Map<ProtectionLevel, String> overrides = new EnumMap<>(ProtectionLevel.class);
        for (ProtectionLevel level : ProtectionLevel.values()) {
            config.getOptionalValue("gatehouse.sla.level-" + level.number(), String.class)
                    .ifPresent(text -> overrides.put(level, text));
        }
        return SlaPolicy.of(overrides);
    }
}
