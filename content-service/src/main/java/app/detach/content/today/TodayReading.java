package app.detach.content.today;

import app.detach.content.article.ArticleSummary;

import java.time.LocalDate;
import java.util.List;

/**
 * Today's reading for one reader.
 *
 * @param rule which rule chose it: after-a-slip, low-mood, strong-urge, they-reached-out or stage
 * @param reason a sentence for the reader saying why this article today
 * @param stage the stage of the streak (first-days when no streak is known)
 * @param streakDay the no-contact day, or null when no streak is known
 * @param also further articles the rule suggests (low moods: a seeking-help one)
 */
public record TodayReading(LocalDate date, String rule, String reason, String stage, Long streakDay,
        ArticleSummary article, List<Suggestion> also) {

    public record Suggestion(ArticleSummary article, String reason) {
    }
}
