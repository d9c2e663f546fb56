namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The images build/lib/engine.sh makes without a registry, from Debian's busybox-static, dash and bash-static.
/// </summary>
public static class TestImages
{
    /// <summary>/bin/sh is busybox's ash.</summary>
    public const string Busybox = "rind-test/busybox:latest";

    /// <summary>/bin/sh is dash, as on Debian-based images, which has no <c>source</c>.</summary>
    public const string Dash = "rind-test/dash:latest";

    /// <summary>busybox, with bash from bash-static.</summary>
    public const string Bash = "rind-test/bash:latest";

    /// <summary>For dev containers: the user vscode with bash as login shell, and a profile that adds to PATH.</summary>
    public const string DevContainer = "rind-test/devcontainer:latest";

    /// <summary>Debian's python3, pip and Django, with the project /srv/mysite made by django-admin startproject.</summary>
    public const string Django = "rind-test/django:latest";

    /// <summary>The Django project's folder in <see cref="Django"/>.</summary>
    public const string DjangoProject = "/srv/mysite";

    public static readonly IReadOnlyList<string> All = [Busybox, Dash, Bash, DevContainer, Django];
}
