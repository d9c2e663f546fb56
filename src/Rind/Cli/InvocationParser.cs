namespace Rind.Cli;

/// <summary>
/// Splits rind's arguments into rind's own options and the command, as getopt does with
/// POSIXLY_CORRECT: options end at the first argument that is not one of them, or at <c>--</c>;
/// everything after belongs to the command, whatever it looks like.
/// </summary>
internal static class InvocationParser
{
    private static readonly Invocation Defaults = new(InvocationAction.Run, Verbose: false, TtyMode.Auto, Command: []);

    private static readonly OptionSpec[] Options =
    [
        new('v', "verbose", false, (i, _) => i with { Verbose = true }),
        new('h', "help", false, (i, _) => i with { Action = InvocationAction.ShowHelp }),
        new(null, "version", false, (i, _) => i.Action == InvocationAction.ShowHelp ? i : i with { Action = InvocationAction.ShowVersion }),
        new('t', "tty", false, (i, _) => i with { Tty = TtyMode.Always, TtyConflict = i.TtyConflict || i.Tty == TtyMode.Never }),
        new('T', "no-tty", false, (i, _) => i with { Tty = TtyMode.Never, TtyConflict = i.TtyConflict || i.Tty == TtyMode.Always }),
        new('H', "host", true, (i, value) => i with { Host = value }),
        new(null, "context", true, (i, value) => i with { Context = value }),
        new('s', "service", true, (i, value) => i with { Service = value }),
        new('c', "container", true, (i, value) => i with { Container = value }),
        new('e', "env", true, (i, value) => i with { Environment = [.. i.Environment, value!] }),
        new('u', "user", true, (i, value) => i with { User = value }),
        new('w', "workdir", true, (i, value) => i with { WorkingDirectory = value }),
        new(null, "no-cwd", false, (i, _) => i with { NoCwd = true }),
        new(null, "privileged", false, (i, _) => i with { Privileged = true }),
        new(null, "kube", false, (i, _) => i with { Kube = true }),
        new(null, "kube-context", true, (i, value) => i with { KubeContext = value }),
        new('n', "namespace", true, (i, value) => i with { Namespace = value }),
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
