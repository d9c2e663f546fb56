using Rind.Backends;
using Rind.Cli;

namespace Rind.Execution;

/// <summary>
/// Decides what the exec runs and how, from the invocation, the candidate's settings, what the backend can do and rind's side.
/// </summary>
internal static class ExecPlanner
{
    /// <summary>What TERM says in the container when rind's own environment has none.</summary>
    public const string FallbackTerm = "xterm";

    public static ExecPlan Plan(Invocation invocation, Candidate target, BackendTraits traits, LocalConditions local)
    {
        var settings = target.Settings;
        var argv = CommandComposer.Compose(
            invocation.Command,
            settings.PreStep,
            settings.Shell,
            waitForTerminalSize: local.Tty && !traits.SizesTerminalAtStart,
            tty: local.Tty,
            preStepSource: $"{RindLabel.Name} {settings.Source}",
            checkCommand: !traits.ReportsStartFailures,
            preStepToStderr: local.StdoutIsAnswer);

        // The candidate's variables come first, so that -e overrides them as a later KEY= does.
        List<string> environment = [.. settings.Environment, .. Variables(invocation.Environment, local.LookupVariable)];
        if (local.Tty && !environment.Any(variable => variable.StartsWith("TERM=", StringComparison.Ordinal)))
        {
            environment.Add($"TERM={(string.IsNullOrEmpty(local.Term) ? FallbackTerm : local.Term)}");
        }

        return new ExecPlan(argv, local.Tty, environment)
        {
            User = invocation.User ?? settings.User,
            WorkingDirectory = invocation.WorkingDirectory
                ?? (invocation.NoCwd ? null : WorkingDirectoryMapper.Map(local.CurrentDirectory, settings.Folders)),
            Privileged = invocation.Privileged,
            HasInput = local.Tty || local.HasInput,
        };
    }

    /// <summary>-e KEY=VALUE as it is; -e KEY with rind's own value, or not at all when rind has none, as docker exec does.</summary>
    private static IEnumerable<string> Variables(IReadOnlyList<string> given, Func<string, string?> lookup)
    {
        foreach (var variable in given)
        {
            if (variable.Contains('=', StringComparison.Ordinal))
            {
                yield return variable;
            }
            else if (lookup(variable) is { } value)
            {
                yield return $"{variable}={value}";
            }
        }
    }
}
