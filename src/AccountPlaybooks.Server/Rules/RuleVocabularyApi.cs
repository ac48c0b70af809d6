using AccountPlaybooks.Application.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Rules;

/// The rule editor's completion: the keys and expression members validation accepts, generated from the same code.
public static class RuleVocabularyApi
{
    public static RouteGroupBuilder MapRuleVocabulary(this RouteGroupBuilder rules)
    {
        rules.MapGet("/vocabulary", Vocabulary).WithName("RuleVocabulary")
            .WithSummary("The keys a rule file may use and the facts and helpers an expression may call, with signatures and docs");
        return rules;
    }

    private static Ok<RuleVocabulary> Vocabulary() => TypedResults.Ok(RuleVocabulary.Current);
}
