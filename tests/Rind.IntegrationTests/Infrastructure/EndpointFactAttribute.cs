namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs an engine endpoint build/test.sh sets up only where it can (a TLS listener, an
/// sshd): it is reported as skipped, naming the variable, when that endpoint is not there.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EndpointFactAttribute : FactAttribute
{
    public EndpointFactAttribute(string variable)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            Skip = $"{variable} is not set: build/test.sh sets it when it runs that endpoint";
        }
    }
}
