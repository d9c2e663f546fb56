using Rind.Cli;
using Rind.Engine;
using Rind.Engine.Models;

namespace Rind.Execution;

/// <summary>
/// Decides what the exec runs and how, from the invocation, the container's labels and the terminal.
/// </summary>
internal static class ExecPlanner
{
    /// <summary>What TERM says in the container when rind's own environment has none.</summary>
    public const string FallbackTerm = "xterm";

    /// <param name="term">TERM from rind's environment, passed in so that full-screen programs draw right.</param>
    /// <param name="configuredDetachKeys">detachKeys from the Docker CLI's config file.</param>
    /// <param name="apiVersion">The API version spoken with the engine.</param>
    public static ExecPlan Plan(
        Invocation invocation, ContainerSummary container, bool tty, string? term, string? configuredDetachKeys, ApiVersion apiVersion)
    {
        var argv = CommandComposer.Compose(
            invocation.Command,
            container.Labels?.GetValueOrDefault(RindLabel.Name),
            container.Labels?.GetValueOrDefault(RindLabel.Shell),
            waitForTerminalSize: tty && apiVersion.CompareTo(ApiVersion.ConsoleSizeAtStart) < 0);
        if (!tty)
        {
            return new ExecPlan(argv, Tty: false, Environment: [], DetachKeys: null);
        }

        var environment = $"TERM={(string.IsNullOrEmpty(term) ? FallbackTerm : term)}";
        return new ExecPlan(argv, Tty: true, [environment], DetachKeys.Choose(configuredDetachKeys));
    }
}
