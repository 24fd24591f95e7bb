package app.detach.content.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What an admin sends to create or edit an article. Bean validation checks sizes; the stage names,
 * tag format and control characters are checked in {@link ArticleValidation} so each bad element is named.
 */
public record ArticleRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 500) String summary,
        @NotBlank @Size(max = 60000) String body,
        @NotNull @Size(min = 1, max = 7) List<String> stages,
        @Size(max = 10) List<String> tags) {

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }
}
