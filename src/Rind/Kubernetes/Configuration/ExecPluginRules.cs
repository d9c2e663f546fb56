using Rind.Diagnostics;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// kubectl's rules for a user's exec entry: the API versions spoken, the fields required, and when the
/// plugin is interactive (handed rind's stdin, to ask the user something).
/// </summary>
internal static class ExecPluginRules
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    public const string Never = "Never";
    public const string IfAvailable = "IfAvailable";
    public const string Always = "Always";

    /// <returns>The interactive mode in force: v1 must say it, v1beta1 defaults to IfAvailable.</returns>
    /// <exception cref="RindException">The entry is not one kubectl would run, said in one line.</exception>
    public static string Check(ExecPluginConfig plugin, string userName)
    {
        var owner = $"the exec credential plugin of user \"{UntrustedText.Show(userName)}\"";
        if (string.IsNullOrEmpty(plugin.Command))
        {
            throw new RindException($"{owner} names no command");
        }

        if (plugin.ApiVersion is not (V1 or V1Beta1))
        {
            throw new RindException(string.IsNullOrEmpty(plugin.ApiVersion)
                ? $"{owner} has no apiVersion ({V1} or {V1Beta1})"
                : $"{owner} has apiVersion \"{UntrustedText.Show(plugin.ApiVersion)}\": rind speaks {V1} and {V1Beta1}");
        }

        if (plugin.Env.Any(variable => string.IsNullOrEmpty(variable.Key)))
        {
            throw new RindException($"{owner} has an env entry without a name");
        }

        return plugin.InteractiveMode switch
        {
            Never or IfAvailable or Always => plugin.InteractiveMode,
            null or "" when plugin.ApiVersion == V1Beta1 => IfAvailable,
            null or "" => throw new RindException($"{owner} must set interactiveMode (Never, IfAvailable or Always) with apiVersion {V1}"),
            _ => throw new RindException($"{owner} has interactiveMode \"{UntrustedText.Show(plugin.InteractiveMode)}\", not Never, IfAvailable or Always"),
        };
    }

    /// <summary>Whether the plugin is handed rind's stdin: only a terminal, and only when the mode allows.</summary>
    /// <exception cref="RindException">The mode is Always and stdin is not a terminal.</exception>
    public static bool IsInteractive(string mode, bool inputIsTerminal, string userName) => mode switch
    {
        Never => false,
        IfAvailable => inputIsTerminal,
        _ => inputIsTerminal
            ? true
            : throw new RindException($"the exec credential plugin of user \"{UntrustedText.Show(userName)}\" needs a terminal on stdin (interactiveMode Always), and rind's stdin is not one"),
    };
}
