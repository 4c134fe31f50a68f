package org.gatehouse.web.requirement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 8.2-ek/el: asset value, likelihood and impact rated 1..3, with the threats and business loss considered. */
public class RiskAssessmentRequest {
    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{validation.rating}")
    @Max(value = 3, message = "{validation.rating}")
    public Integer assetValue;

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{validation.rating}")
    @Max(value = 3, message = "{validation.rating}")
    public Integer likelihood;

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{validation.rating}")
    @Max(value = 3, message = "{validation.rating}")
    public Integer impact;

    @NotBlank(message = "{validation.required}")
    @Size(max = 4000, message = "{validation.size}")
    public String threats;

    @NotBlank(message = "{validation.required}")
    @Size(max = 4000, message = "{validation.size}")
    public String businessLoss;
}
