package org.casebook.vault;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;
import me.gosimple.nbvcxz.scoring.TimeEstimate;

/**
 * How hard a passphrase would be to guess, in words a person can act on (nbvcxz: dictionary words, names,
 * keyboard patterns, dates and repeats all count against it).
 */
public final class PassphraseStrength {
    /** Below this score (0 to 4) a new vault is not created. */
    public static final int MINIMUM_SCORE = 2;

    private static final class Estimator {
        static final Nbvcxz NBVCXZ = new Nbvcxz();
    }

    /** @param score 0 (very weak) to 4 (very strong) */
    public record Estimate(int score, String verdict, String advice) {
        public boolean acceptable() {
            return score >= MINIMUM_SCORE;
        }
    }

    private PassphraseStrength() {
    }

    /**
     * Refuses a passphrase for a new vault, or as a vault's new passphrase, that this estimate rates below
     * {@link #MINIMUM_SCORE}: the rule the app's create dialog applies, for the command line.
     *
     * @throws VaultException (bad input) saying how quickly it could be guessed and what would help
     */
    public static void requireAcceptable(Passphrase passphrase) {
        Estimate estimate = estimate(passphrase.keyText());
        if (!estimate.acceptable()) {
            throw VaultException.badInput("This passphrase would be too easy to guess (" + estimate.verdict()
                    + "). " + (estimate.advice().isBlank() ? "" : estimate.advice() + " ")
                    + "Add another word or two. Nothing was changed.");
        }
    }

    public static Estimate estimate(String passphrase) {
        if (passphrase == null || passphrase.isBlank()) {
            return new Estimate(0, "Type a passphrase", "Several unrelated words are easy to remember and hard to guess.");
        }
        Result result = Estimator.NBVCXZ.estimate(passphrase);
        int score = result.getBasicScore();
        String time = TimeEstimate.getTimeToCrackFormatted(result, "OFFLINE_BCRYPT_12");
        String verdict = switch (score) {
            case 0 -> "Very weak: could be guessed almost at once";
            case 1 -> "Weak: could be guessed in " + time;
            case 2 -> "Fair: would take about " + time + " to guess";
            case 3 -> "Strong: would take about " + time + " to guess";
            default -> "Very strong: would take " + time + " to guess";
        };
        Feedback feedback = result.getFeedback();
        StringBuilder advice = new StringBuilder();
        if (feedback.getWarning() != null && !feedback.getWarning().isBlank()) {
            advice.append(feedback.getWarning());
        }
        if (score < 3 && feedback.getSuggestion() != null) {
            for (String s : feedback.getSuggestion()) {
                if (advice.length() > 0) {
                    advice.append(' ');
                }
                advice.append(s);
            }
        }
        return new Estimate(score, verdict, advice.toString());
    }
}
