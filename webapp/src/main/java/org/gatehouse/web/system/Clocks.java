package org.gatehouse.web.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock every component asks for the time (the WAR is the composition root). */
@ApplicationScoped
public class Clocks {
    @Produces
    @ApplicationScoped
    Clock utc() {
        return Clock.systemUTC();
    }
}
