using Rind.Diagnostics;
using Rind.Platform;

namespace Rind.Cli;

/// <summary>
/// Whether rind runs in a pod of a Kubernetes cluster rather than in a Docker container: with --kube,
/// else as RIND_KUBE says. Options that belong to the other mode are refused, so that none is silently
/// dropped; variables of the other mode (DOCKER_HOST, RIND_SERVICE, KUBECONFIG…) are passed over, since
/// a shell's profile sets them for every use.
/// </summary>
internal static class KubernetesMode
{
    public const string Variable = "RIND_KUBE";

    private static readonly string[] OnValues = ["1", "true", "yes"];

    private static readonly string[] OffValues = ["0", "false", "no"];

    /// <summary>Whether Kubernetes mode is on, once the options given are known to fit the mode.</summary>
    /// <exception cref="RindException">RIND_KUBE holds another value, or an option does not fit the mode.</exception>
    public static bool IsOn(Invocation invocation, IEnvironment environment)
    {
        // The parser has already refused what does not fit --kube, and an option outranks the variable.
        if (invocation.Kube)
        {
            return true;
        }

        var on = VariableSaysOn(environment.GetSetting(Variable));
        if (on && Misfit(invocation, $"in Kubernetes mode, which {Variable} turns on") is { } misfit)
        {
            throw new RindException(misfit + " (see 'rind --help')");
        }

        if (!on && KubernetesOnlyOption(invocation) is { } option)
        {
            throw new RindException($"{option} applies to Kubernetes mode only: add --kube, or set {Variable}=1 (see 'rind --help')");
        }

        return on;
    }

    /// <summary>
    /// Why the options cannot be given in Kubernetes mode, naming the first that cannot and saying
    /// what it would do; null when they all fit.
    /// </summary>
    /// <param name="where">How the mode was asked for, as the message says it (for example: with --kube).</param>
    public static string? Misfit(Invocation invocation, string where)
    {
        var (option, reason) = invocation switch
        {
            { Host: not null } => ("-H/--host", "it chooses a Docker engine"),
            { Context: not null } => ("--context", "it chooses a Docker context; --kube-context chooses a kubeconfig context"),
            { Service: not null } => ("-s/--service", "a cluster has no compose services; -c picks a pod by name or the start of one"),
            { User: not null } => ("-u/--user", "the Kubernetes exec API cannot change the user"),
            { Privileged: true } => ("--privileged", "the Kubernetes exec API cannot give extended privileges"),
            _ => (null, null),
        };
        return option is null ? null : $"{option} cannot be given {where}: {reason}";
    }

    private static string? KubernetesOnlyOption(Invocation invocation) =>
        invocation switch
        {
            { KubeContext: not null } => "--kube-context",
            { Namespace: not null } => "-n/--namespace",
            _ => null,
        };

    private static bool VariableSaysOn(string? value)
    {
        if (value is null || OffValues.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (OnValues.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        throw new RindException($"{Variable}={UntrustedText.Show(value)} is neither on (1, true or yes) nor off (0, false, no or empty)");
    }
}
