using Rind.Backends;
using Rind.Cli;

namespace Rind.Execution;

/// <summary>
/// Decides what the exec runs and how, from the invocation, the container's settings (labels or annotations) and the terminal.
/// </summary>
internal static class ExecPlanner
{
    /// <summary>What TERM says in the container when rind's own environment has none.</summary>
    public const string FallbackTerm = "xterm";

    public static ExecPlan Plan(Invocation invocation, Candidate container, ExecConditions conditions)
    {
        var labels = container.Settings;
        var argv = CommandComposer.Compose(
            invocation.Command,
            labels.GetValueOrDefault(RindLabel.Name),
            labels.GetValueOrDefault(RindLabel.Shell),
            waitForTerminalSize: conditions.Tty && !conditions.TerminalSizedAtStart,
            tty: conditions.Tty,
            preStepSource: conditions.PreStepSource,
            checkCommand: conditions.CheckCommand);

        List<string> environment = [.. Variables(invocation.Environment, conditions.LookupVariable)];
        if (conditions.Tty && !environment.Any(variable => variable.StartsWith("TERM=", StringComparison.Ordinal)))
        {
            environment.Add($"TERM={(string.IsNullOrEmpty(conditions.Term) ? FallbackTerm : conditions.Term)}");
        }

        var mapCurrentDirectory = !invocation.NoCwd && conditions.SharesFileSystem && !IsOff(labels.GetValueOrDefault(RindLabel.Cwd));
        return new ExecPlan(argv, conditions.Tty, environment, DetachKeysOf(conditions))
        {
            User = invocation.User ?? NotEmpty(labels.GetValueOrDefault(RindLabel.User)),
            WorkingDirectory = invocation.WorkingDirectory
                ?? (mapCurrentDirectory ? WorkingDirectoryMapper.Map(conditions.CurrentDirectory, container.Mounts) : null),
            Privileged = invocation.Privileged,
            HasInput = conditions.Tty || conditions.HasInput,
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

    private static string? DetachKeysOf(ExecConditions conditions) =>
        !conditions.HasDetachKeys ? null : conditions.Tty ? DetachKeys.Choose(conditions.ConfiguredDetachKeys) : DetachKeys.WithoutTerminal;

    private static bool IsOff(string? value) =>
        value?.Trim().ToLowerInvariant() is "false" or "off" or "no" or "0";

    private static string? NotEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
