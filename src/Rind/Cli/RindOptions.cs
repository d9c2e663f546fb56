using CommandLine;

namespace Rind.Cli;

/// <summary>
/// rind's own options as CommandLineParser sees them. Only <see cref="InvocationParser"/> uses this type.
/// </summary>
internal sealed class RindOptions
{
    [Option('v', "verbose")]
    public bool Verbose { get; set; }

    [Option('s', "service")]
    public string? Service { get; set; }

    [Option('c', "container")]
    public string? Container { get; set; }

    [Option('t', "tty")]
    public bool Tty { get; set; }

    [Option('T', "no-tty")]
    public bool NoTty { get; set; }

    [Option('H', "host")]
    public string? Host { get; set; }

    [Option("context")]
    public string? Context { get; set; }

    [Option('h', "help")]
    public bool Help { get; set; }

    [Option("version")]
    public bool Version { get; set; }

    [Value(0)]
    public IEnumerable<string> Command { get; set; } = [];
}
