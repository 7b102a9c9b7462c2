using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SharedServices.Core.Access;
using SharedServices.Core.Organisations;
using SharedServices.Domain;
using SharedServices.Web.Components.Shared;
using SharedServices.Web.Security;

namespace SharedServices.Web.Components.Features.Admin;

/// <summary>
/// An administrator's people: their own organisation's accounts only (<see cref="UserAccounts"/> scopes and checks
/// every call again, so this page is not the only guard), with adding, roles, disabling and enabling.
/// </summary>
public partial class UsersPage
{
    private const string NameId = "person-name", EmailId = "person-email", RolesId = "person-roles",
        PasswordId = "person-password", PasswordAgainId = "person-password-again";

    private IReadOnlyList<AccountSummary>? _accounts;
    private OrganisationRow? _organisation;
    private Caller? _me;
    private AccountForm _form = new();
    private MudForm? _mudForm;
    private FormErrors? _summary;
    private FormErrors? _rolesSummary;
    private AccountSummary? _editing;
    private readonly HashSet<string> _editingRoles = [];
    private readonly Dictionary<string, string> _fieldError = [];
    private string? _done;
    private string? _problem;
    private bool _busy;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _me = Authentication is null ? Caller.Nobody : SignedInCaller.From((await Authentication).User);
        _organisation = (await Organisations.ListAsync()).FirstOrDefault(o => o.Id == _me.OrganisationId);
        await LoadAsync();
    }

    private async Task LoadAsync() => _accounts = await Accounts.ListAsync();

    private static string StateOf(AccountSummary account) =>
        account.Disabled ? "Disabled" : account.LockedOut ? "Locked out (too many wrong passwords; ends by itself)" : "Active";

    private static string WhatRoleMay(string role) => role switch
    {
        Roles.Administrator => "manages people and reference data",
        Roles.FinanceOfficer => "charges, activity, recharges, invoices and payments",
        Roles.Director => "decisions, notices and terminations",
        _ => "reads only",
    };

    private static string Slug(string role) => role.ToLowerInvariant().Replace(' ', '-');

    private static void Toggle(HashSet<string> roles, string role, bool on)
    {
        if (on) roles.Add(role);
        else roles.Remove(role);
    }

    private string? ErrorOf(string fieldId) => _fieldError.GetValueOrDefault(fieldId);

    // Where each property of the form is edited, for the error summary's links.
    private static string? FieldId(string property) => property switch
    {
        nameof(AccountForm.Name) => NameId,
        nameof(AccountForm.Email) => EmailId,
        nameof(AccountForm.Roles) => RolesId,
        nameof(AccountForm.Password) => PasswordId,
        nameof(AccountForm.PasswordAgain) => PasswordAgainId,
        _ => null,
    };

    /// <summary>The field a refusal from <see cref="UserAccounts"/> names at its start ("E-mail: …"), or null for the form as a whole.</summary>
    private static string? FieldOf(string message) =>
        message.StartsWith("Name:", StringComparison.Ordinal) ? NameId
        : message.StartsWith("E-mail:", StringComparison.Ordinal) ? EmailId
        : message.StartsWith("Password:", StringComparison.Ordinal) ? PasswordId
        : message.StartsWith("Roles:", StringComparison.Ordinal) ? RolesId
        : null;

    private async Task AddAsync()
    {
        _done = null;
        _fieldError.Clear();
        await _mudForm!.ValidateAsync();
        var checkedForm = await Validator.ValidateAsync(_form);
        if (!checkedForm.IsValid)
        {
            _summary!.Show(checkedForm.Errors.Select(e => new FormError(e.ErrorMessage, FieldId(e.PropertyName))).ToList());
            return;
        }
        if (_organisation is null)
        {
            _summary!.Show([new FormError("Your account's organisation cannot be found, so nobody can be added to it.")]);
            return;
        }
        _busy = true;
        AccountSummary added;
        try
        {
            added = await Accounts.AddAsync(_form.ToNewAccount(_organisation.ShortCode));
        }
        catch (DomainException ex)
        {
            // Identity's own checks (a taken address, too few different characters) come back naming their field.
            if (FieldOf(ex.Message) is { } field) _fieldError[field] = ex.Message;
            _summary!.Show([new FormError(ex.Message, FieldOf(ex.Message))]);
            return;
        }
        finally
        {
            _busy = false;
        }
        _form = new AccountForm();
        _done = $"Added {added.DisplayName} ({added.Email}).";
        _summary!.Confirm(_done);
        await LoadAsync();
    }

    private void EditRoles(AccountSummary account)
    {
        _done = null;
        _editing = account;
        _editingRoles.Clear();
        _editingRoles.UnionWith(account.Roles);
    }

    private async Task SaveRolesAsync()
    {
        var account = _editing!;
        if (account.Id == _me?.UserId && !_editingRoles.Contains(Roles.Administrator))
        {
            // Taking away your own administrator role would lock you out of this page at once.
            _rolesSummary!.Show([new FormError("Roles: you cannot take the Administrator role from yourself; ask another administrator.", "edit-roles")]);
            return;
        }
        var roles = Roles.All.Where(_editingRoles.Contains).ToList();
        if (await RunAsync(() => Accounts.SetRolesAsync(account.Id, roles), _rolesSummary))
        {
            _editing = null;
            _done = $"{account.DisplayName} now has {(roles.Count == 0 ? "no roles (reads only)" : string.Join(", ", roles))}.";
        }
    }

    private async Task DisableAsync(AccountSummary account)
    {
        var question = $"Disable {account.DisplayName} ({account.Email})? They will not be able to sign in, any page they have open " +
            "closes within a minute, and their calendar feed address stops working. You can enable them again later.";
        if (!await Dialogs.ConfirmAsync("Disable account", question, "Disable")) return;
        if (await RunAsync(() => Accounts.DisableAsync(account.Id), null)) _done = $"Disabled {account.DisplayName}.";
    }

    private async Task EnableAsync(AccountSummary account)
    {
        var question = $"Enable {account.DisplayName} ({account.Email})? They will be able to sign in again with their password.";
        if (!await Dialogs.ConfirmAsync("Enable account", question, "Enable")) return;
        if (await RunAsync(() => Accounts.EnableAsync(account.Id), null)) _done = $"Enabled {account.DisplayName}.";
    }

    /// <summary>Runs a change, shows a refusal in <paramref name="summary"/> (or above the list), and reloads the list either way.</summary>
    private async Task<bool> RunAsync(Func<Task> change, FormErrors? summary)
    {
        _busy = true;
        _done = null;
        _problem = null;
        try
        {
            await change();
            summary?.Show([]);
            return true;
        }
        catch (DomainException ex)
        {
            if (summary is null) _problem = ex.Message;
            else summary.Show([new FormError(ex.Message)]);
            return false;
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }
}
