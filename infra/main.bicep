// Azure resources for the Dekom-rapport Teams bot (one resource group):
//   user-assigned managed identity (the bot's Microsoft App ID and the app's Cosmos DB identity),
//   App Service plan + Linux Web App (Node 22 LTS), Azure Bot (UserAssignedMSI) with the Teams channel,
//   Cosmos DB for NoSQL (serverless, Entra ID only) with the database and containers,
//   a storage account (Entra ID only: shared keys off) with the blob container of report attachments,
//   Log Analytics + Application Insights, the web app's console/HTTP/platform logs in the workspace,
//   alerts on error-level log lines and on failed health checks, and a Key Vault holding the secrets
//   the app reads through Key Vault references (never plain app settings).
//
// Deploy: see infra/README.md. test/infra/infra-consistency.int.test.ts checks this file against the
// code: the app settings cover every variable src/config.ts requires in production, `containers` below
// equals CONTAINERS in src/storage/cosmos.ts, secrets are Key Vault references the identity may read,
// the diagnostic settings send the log categories, and the alerts watch what the app writes.

targetScope = 'resourceGroup'

@description('Prefix for resource names: lowercase letters and digits, 3-12 characters.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'dekomrapport'

@description('Azure region for all regional resources.')
param location string = resourceGroup().location

@description('Entra tenant ids allowed to use the bot, comma-separated. Default: this tenant.')
param allowedTenantIds string = tenant().tenantId

@description('Entra object ids of county staff, comma-separated.')
param staffAadIds string = ''

@description('Shared secret for POST /api/jobs/* (at least 16 characters). Keep it; pass the same value on every deployment.')
@secure()
@minLength(16)
param jobsSecret string

@description('Cosmos DB database name.')
param cosmosDatabaseName string = 'dekom-rapport'

@description('App Service plan SKU. B1 or larger: always on is not available on F1/D1.')
param appServiceSku string = 'B1'

@description('Azure Bot SKU: F0 (free, standard channels such as Teams are unlimited) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('E-mail address that receives the alerts (error log lines, failed health checks). Empty = no e-mail, the alerts still fire in Azure Monitor.')
param alertEmail string = ''

@description('on: install the app for imported contacts the bot has never met (Microsoft Graph) and open their chat. Needs teamsAppCatalogId and the Graph permissions in docs/who-can-use-the-bot.md.')
@allowed(['on', 'off'])
param reachContacts string = 'off'

@description('The app\'s id in the tenant\'s Teams app catalog (for reachContacts).')
param teamsAppCatalogId string = ''

@description('Log level of the app (pino).')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
param logLevel string = 'info'

var suffix = uniqueString(resourceGroup().id)
var identityName = '${namePrefix}-id-${suffix}'
var webAppName = '${namePrefix}-${suffix}'
var planName = '${namePrefix}-plan-${suffix}'
var botName = '${namePrefix}-bot-${suffix}'
var cosmosAccountName = '${namePrefix}-cosmos-${suffix}'
var logAnalyticsName = '${namePrefix}-logs-${suffix}'
var appInsightsName = '${namePrefix}-ai-${suffix}'
// Storage account names: 3-24 lowercase letters and digits, globally unique.
var storageAccountName = take('${namePrefix}st${suffix}', 24)
// Keep in step with BLOB_CONTAINER's default in src/config.ts (a test compares them).
var attachmentsContainerName = 'attachments'
// Key Vault names: 3-24 characters, globally unique.
var keyVaultName = take('${namePrefix}kv${suffix}', 24)
var actionGroupName = '${namePrefix}-alerts-${suffix}'

// Keep in step with CONTAINERS in src/storage/cosmos.ts (a test compares them).
var containers = [
  { name: 'reports', partitionKeyPath: '/roundId' }
  { name: 'rounds', partitionKeyPath: '/id' }
  { name: 'people', partitionKeyPath: '/id' }
  { name: 'ledger', partitionKeyPath: '/roundId' }
]

// Built-in "Cosmos DB Built-in Data Contributor" (data plane: read and write items, no account management).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// Built-in Azure role "Storage Blob Data Contributor" (read, write and delete blobs; no account management).
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

// Built-in Azure role "Key Vault Secrets User" (read secret values, nothing else).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// The log categories of a Linux web app sent to the workspace: stdout/stderr (our pino JSON lines),
// the HTTP access log, and platform events (start, stop, health check restarts).
var webLogCategories = ['AppServiceConsoleLogs', 'AppServiceHTTPLogs', 'AppServicePlatformLogs']

// pino writes one JSON object per line; level 50 = error, 60 = fatal.
var errorLogQuery = '''
AppServiceConsoleLogs
| extend entry = parse_json(ResultDescription)
| where toint(entry.level) >= 50
| project TimeGenerated, level = toint(entry.level), msg = tostring(entry.msg)
'''

// The bot's identity: Microsoft App ID for Bot Framework (UserAssignedMSI) and the Entra ID principal
// DefaultAzureCredential uses for Cosmos DB (AZURE_CLIENT_ID).
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// Secrets live here; the web app reads them through Key Vault references with the bot's identity.
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource jobsSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'jobs-secret'
  properties: { value: jobsSecret }
}

// The connection string carries the instrumentation key: a secret like the others.
resource appInsightsConnectionValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'appinsights-connection-string'
  properties: { value: appInsights.properties.ConnectionString }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: cosmosAccountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [{ name: 'EnableServerless' }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    // Entra ID only: no account keys. The app authenticates with the managed identity.
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: { id: cosmosDatabaseName }
  }
}

// Serverless: no throughput settings on the database or the containers.
resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: {
          paths: [c.partitionKeyPath]
          kind: 'Hash'
          version: 2
        }
      }
    }
  }
]

resource cosmosDataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// Report attachments (files contacts send in Teams). Entra ID only: no shared keys, no SAS, no
// anonymous blobs; the app writes and reads with the bot's identity (Storage Blob Data Contributor).
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // A removed attachment or an overwritten blob can be restored for a week.
    deleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

resource attachmentsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: attachmentsContainerName
  properties: { publicAccess: 'None' }
}

resource storageBlobDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: {
    reserved: true // Linux
  }
}

resource web 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references are resolved with the user-assigned identity (it holds Key Vault Secrets User).
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --max-semi-space-size=64 dist/bot/index.js'
      alwaysOn: true
      // Readiness: Cosmos DB answers and the process is not shutting down (/healthz is liveness only).
      healthCheckPath: '/readyz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'LOG_LEVEL', value: logLevel }
        // The zip already holds dist/ and the production node_modules: no build on the server.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'MICROSOFT_APP_ID', value: identity.properties.clientId }
        { name: 'MICROSOFT_APP_TYPE', value: 'UserAssignedMSI' }
        { name: 'MICROSOFT_APP_TENANT_ID', value: tenant().tenantId }
        // DefaultAzureCredential picks the user-assigned identity by this client id.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        // Attachments: the blob endpoint with Entra ID (DefaultAzureCredential, the identity above).
        { name: 'BLOB_ENDPOINT', value: storage.properties.primaryEndpoints.blob }
        { name: 'BLOB_CONTAINER', value: attachmentsContainerName }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'STAFF_AAD_IDS', value: staffAadIds }
        { name: 'REACH_CONTACTS', value: reachContacts }
        { name: 'TEAMS_APP_CATALOG_ID', value: teamsAppCatalogId }
        { name: 'JOBS_SECRET', value: '@Microsoft.KeyVault(SecretUri=${jobsSecretValue.properties.secretUri})' }
        // The site cannot read its own defaultHostName here; App Service's default host is predictable.
        { name: 'PUBLIC_BASE_URL', value: 'https://${webAppName}.azurewebsites.net' }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: '@Microsoft.KeyVault(SecretUri=${appInsightsConnectionValue.properties.secretUri})'
        }
      ]
    }
  }
  dependsOn: [cosmosContainers, cosmosDataRole, keyVaultSecretsUser, attachmentsContainer, storageBlobDataRole]
}

// Console (stdout: pino JSON), HTTP and platform logs of the web app to the Log Analytics workspace,
// so they outlive the process and can be queried and alerted on.
resource webDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: web
  name: 'logs-to-workspace'
  properties: {
    workspaceId: logAnalytics.id
    logs: [for category in webLogCategories: { category: category, enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  properties: {
    groupShortName: 'dekomalert'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [{ name: 'operations', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

// Any error-level (or fatal) log line of the app within five minutes.
resource errorLogAlert 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${namePrefix}-error-logs-${suffix}'
  location: location
  properties: {
    displayName: 'Dekom-rapport: error in the app log'
    severity: 2
    enabled: true
    scopes: [logAnalytics.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: errorLogQuery
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [actionGroup.id] }
  }
  dependsOn: [webDiagnostics]
}

// App Service's health check (GET /readyz): HealthCheckStatus is the share of instances that pass (0-100).
resource healthCheckAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-health-check-${suffix}'
  location: 'global'
  properties: {
    description: 'Dekom-rapport: the App Service health check (/readyz) fails'
    severity: 1
    enabled: true
    scopes: [web.id]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'healthCheckFailing'
          metricName: 'HealthCheckStatus'
          metricNamespace: 'Microsoft.Web/sites'
          operator: 'LessThan'
          threshold: 100
          timeAggregation: 'Average'
        }
      ]
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Dekom-rapport'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Output names in UPPER_SNAKE: the Microsoft 365 Agents Toolkit (m365agents.yml, arm/deploy) writes
// each output into env/.env.<env> under its own name; infra/README.md reads them with az as well.
@description('The bot\'s Microsoft App ID (client id of the managed identity): BOT_ID for npm run package.')
output BOT_ID string = identity.properties.clientId
@description('Host name of the web app: BOT_DOMAIN for npm run package.')
output BOT_DOMAIN string = web.properties.defaultHostName
@description('Name of the web app, for az webapp deploy.')
output WEB_APP_NAME string = web.name
@description('Resource id of the web app, for the toolkit\'s zip deploy (azureAppService/zipDeploy).')
output AZURE_APP_SERVICE_RESOURCE_ID string = web.id
output BOT_ENDPOINT string = bot.properties.endpoint
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
@description('Key Vault holding the app\'s secrets (Key Vault references in the app settings).')
output KEY_VAULT_NAME string = keyVault.name
