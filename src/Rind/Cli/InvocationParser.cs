using System.Diagnostics.CodeAnalysis;
using CommandLine;

namespace Rind.Cli;

/// <summary>
/// Splits rind's arguments into rind's own options and the command: options end at the first
/// argument that is not one of them, or at <c>--</c>; everything after belongs to the command.
/// </summary>
internal static class InvocationParser
{
    // The parser reflects over RindOptions; keep its constructor and properties in the native binary.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties, typeof(RindOptions))]
    public static Invocation Parse(IReadOnlyList<string> args)
    {
        using var parser = new Parser(settings =>
        {
            settings.GetoptMode = true;
            settings.PosixlyCorrect = true;
            settings.EnableDashDash = true;
            settings.AutoHelp = false;
            settings.AutoVersion = false;
            settings.HelpWriter = null;
            settings.CaseSensitive = true;
        });

        var result = parser.ParseArguments<RindOptions>(args);
        if (result is NotParsed<RindOptions> notParsed)
        {
            throw new RindException(Describe(notParsed.Errors.First()) + " (see 'rind --help')");
        }

        var options = ((Parsed<RindOptions>)result).Value;
        if (options.Tty && options.NoTty)
        {
            throw new RindException("-t/--tty and -T/--no-tty cannot be given together (see 'rind --help')");
        }

        if (options.Host is not null && options.Context is not null)
        {
            throw new RindException("-H/--host and --context cannot be given together (see 'rind --help')");
        }

        var tty = options.Tty ? TtyMode.Always : options.NoTty ? TtyMode.Never : TtyMode.Auto;
        var action = options.Help ? InvocationAction.ShowHelp
            : options.Version ? InvocationAction.ShowVersion
            : InvocationAction.Run;
        return new Invocation(action, options.Verbose, tty, options.Command.ToArray())
        {
            Host = options.Host,
            Context = options.Context,
            Service = options.Service,
            Container = options.Container,
        };
    }

    private static string Describe(Error error) => error switch
    {
        UnknownOptionError unknown => $"unknown option '{Dashed(unknown.Token)}'",
        MissingValueOptionError missing => $"option '{Dashed(missing.NameInfo)}' needs a value",
        BadFormatConversionError bad => $"option '{Dashed(bad.NameInfo)}' has a value of the wrong form",
        RepeatedOptionError repeated => $"option '{Dashed(repeated.NameInfo)}' is given more than once",
        _ => $"cannot read the options ({error.Tag})",
    };

    private static string Dashed(NameInfo name) =>
        name.LongName.Length > 0 ? "--" + name.LongName : "-" + name.ShortName;

    private static string Dashed(string token) => token.Length == 1 ? "-" + token : "--" + token;
}
