package app.detach.content.resource;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An admin's help resource; at least one of phone, text or url is required (checked in the service). */
public record HelpResourceRequest(
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB, or absent for everywhere")
        String country,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 500) String description,
        @Size(max = 40) @Pattern(regexp = "[0-9 +()\\-]+", message = "may contain digits, spaces, + ( ) and - only") String phone,
        @Size(max = 120) String text,
        @Size(max = 500) @Pattern(regexp = "https?://[^\\s<>\"]+", message = "must be an http or https address") String url,
        @Size(max = 120) String hours) {
}
