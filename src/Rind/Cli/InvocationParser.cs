namespace Rind.Cli;

/// <summary>
/// Splits rind's arguments into rind's own options and the command, as getopt does with
/// POSIXLY_CORRECT: options end at the first argument that is not one of them, or at <c>--</c>;
/// everything after belongs to the command, whatever it looks like.
/// </summary>
internal static class InvocationParser
{
    private static readonly Invocation Defaults = new(InvocationAction.Run, Verbose: false, TtyMode.Auto, Command: []);

    /// <summary>rind's options, in the order --help lists them.</summary>
    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new('v', "verbose", false, "Log which engine, container and exec are used", (i, _) => i with { Verbose = true }),
        new('h', "help", false, "Show the help", (i, _) => i with { Action = InvocationAction.ShowHelp }),
        new(null, "version", false, "Show the version", (i, _) => i.Action == InvocationAction.ShowHelp ? i : i with { Action = InvocationAction.ShowVersion }),
        new(null, "completion", true, "Print the completion script of a shell", (i, value) => i.Action == InvocationAction.ShowHelp ? i : i with { Action = InvocationAction.ShowCompletion, CompletionShell = value }),
        new('t', "tty", false, "Give the command a terminal", (i, _) => i with { Tty = TtyMode.Always, TtyConflict = i.TtyConflict || i.Tty == TtyMode.Never }),
        new('T', "no-tty", false, "Give the command no terminal", (i, _) => i with { Tty = TtyMode.Never, TtyConflict = i.TtyConflict || i.Tty == TtyMode.Always }),
        new('H', "host", true, "Engine to use", (i, value) => i with { Host = value }),
        new(null, "context", true, "Docker context to use", (i, value) => i with { Context = value }),
        new('s', "service", true, "Run in the labelled container of this compose service", (i, value) => i with { Service = value }),
        new('c', "container", true, "Run in this labelled container or pod", (i, value) => i with { Container = value }),
        new('e', "env", true, "Set a variable for the command", (i, value) => i with { Environment = [.. i.Environment, value!] }),
        new('u', "user", true, "Run as this user", (i, value) => i with { User = value }),
        new('w', "workdir", true, "Run in this folder of the container", (i, value) => i with { WorkingDirectory = value }),
        new(null, "no-cwd", false, "Do not run in the folder matching the current one", (i, _) => i with { NoCwd = true }),
        new(null, "privileged", false, "Give the command extended privileges", (i, _) => i with { Privileged = true }),
        new(null, "kube", false, "Run in the labelled pod of a Kubernetes cluster", (i, _) => i with { Kube = true }),
        new(null, "kube-context", true, "Kubeconfig context to use", (i, value) => i with { KubeContext = value }),
        new('n', "namespace", true, "Namespace to find the pod in", (i, value) => i with { Namespace = value }),
    ];

    public static Invocation Parse(IReadOnlyList<string> args)
    {
        var invocation = Defaults;
        var index = 0;
        while (index < args.Count)
        {
            var arg = args[index];
            if (arg == "--")
            {
                index++;
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                invocation = ApplyLong(invocation, arg, args, ref index);
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                invocation = ApplyShort(invocation, arg, args, ref index);
            }
            else
            {
                break;
            }

            index++;
        }

        return Validate(invocation with { Command = args.Skip(index).ToArray() });
    }

    private static Invocation ApplyLong(Invocation invocation, string arg, IReadOnlyList<string> args, ref int index)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? arg[2..] : arg[2..equals];
        var option = Options.FirstOrDefault(o => o.LongName == name) ?? throw Error($"unknown option '--{name}'");
        if (!option.TakesValue)
        {
            return equals < 0 ? option.Apply(invocation, null) : throw Error($"option '--{name}' takes no value");
        }

        var value = equals >= 0 ? arg[(equals + 1)..] : NextValue(option, args, ref index);
        return option.Apply(invocation, value);
    }

    private static Invocation ApplyShort(Invocation invocation, string arg, IReadOnlyList<string> args, ref int index)
    {
        for (var position = 1; position < arg.Length; position++)
        {
            var option = Options.FirstOrDefault(o => o.ShortName == arg[position]) ?? throw Error($"unknown option '-{arg[position]}'");
            if (!option.TakesValue)
            {
                invocation = option.Apply(invocation, null);
                continue;
            }

            // The rest of the cluster is the value (-eKEY=VALUE), else the next argument is.
            var value = position + 1 < arg.Length ? arg[(position + 1)..] : NextValue(option, args, ref index);
            return option.Apply(invocation, value);
        }

        return invocation;
    }

    private static string NextValue(OptionSpec option, IReadOnlyList<string> args, ref int index)
    {
        if (index + 1 >= args.Count)
        {
            throw Error($"option '{option.Display}' needs a value");
        }

        return args[++index];
    }

    private static Invocation Validate(Invocation invocation)
    {
        if (invocation.Action == InvocationAction.ShowCompletion && !CompletionShells.Names.Contains(invocation.CompletionShell, StringComparer.Ordinal))
        {
            throw Error($"--completion takes {CompletionShells.Listed}, not '{invocation.CompletionShell}'");
        }

        if (invocation.TtyConflict)
        {
            throw Error("-t/--tty and -T/--no-tty cannot be given together");
        }

        if (invocation.Host is not null && invocation.Context is not null)
        {
            throw Error("-H/--host and --context cannot be given together");
        }

        // --kube settles the mode from the options alone; the same options under RIND_KUBE, and the
        // Kubernetes options without --kube, are KubernetesMode's to judge, as only the environment tells.
        if (invocation.Kube && KubernetesMode.Misfit(invocation, "with --kube") is { } misfit)
        {
            throw Error(misfit);
        }

        return invocation;
    }

    private static RindException Error(string message) => new(message + " (see 'rind --help')");
}
