using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// A test account per council holding every role, so that a journey written before sign-in existed can still edit
/// and bill; journeys about roles use the demo accounts instead. Signing in goes through the real sign-in form.
/// </summary>
public static partial class Testers
{
    public const string Password = "every-role-phrase-2026"; // holds neither "tester" (the e-mail name) nor a council

    public static string EmailFor(string organisation) => $"tester@{organisation.ToLowerInvariant()}.test";

    private static readonly ConcurrentDictionary<(IServiceProvider, string), Lazy<Task>> Made = new();

    /// <summary>Makes the council's tester in this host's database, once.</summary>
    public static Task EnsureAsync(IServiceProvider services, string organisation) =>
        Made.GetOrAdd((services, organisation), key => new Lazy<Task>(async () =>
        {
            using var _ = CallerContext.Use(Caller.System("Test set-up"));
            await services.GetRequiredService<UserAccounts>().AddAsync(
                new NewAccount(EmailFor(organisation), $"Tester at {organisation}", organisation, Roles.All, Password));
        })).Value;

    /// <summary>Test set-up done straight through the app's services works as the system, which sees every council.</summary>
    public static IDisposable AsSystem() => CallerContext.Use(Caller.System("Test set-up"));

    /// <summary>
    /// The council's tester as a caller, for set-up done as they would do it (a recharge run is then theirs to
    /// download): <c>using var _ = CallerContext.Use(await Testers.TesterAsync(...))</c>. (Returned rather than set,
    /// because a caller set inside an async method is gone when it returns.)
    /// </summary>
    public static async Task<Caller> TesterAsync(IServiceProvider services, string organisation)
    {
        await EnsureAsync(services, organisation);
        var accounts = services.GetRequiredService<UserAccounts>();
        string id;
        using (AsSystem()) id = (await accounts.ListAsync()).Single(a => a.Email == EmailFor(organisation)).Id;
        return await accounts.CallerForAsync(id) ?? throw new InvalidOperationException("The tester is disabled.");
    }

    /// <summary>Signs the client in (it must keep cookies) through the sign-in form, as a browser would.</summary>
    public static Task SignInAsync(HttpClient client, string organisation) => SignInAsync(client, EmailFor(organisation), Password);

    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await PostSignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect:\n{await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Fills in and posts the sign-in form as a browser would, and hands back the answer, whatever it is.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var token = TokenOf(await client.GetStringAsync("/account/sign-in"));
        return await client.PostAsync("/account/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
            }));
    }

    /// <summary>The anti-forgery token a page's form carries.</summary>
    public static string TokenOf(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
