import { provider, telephony } from './seed-types';
import type { SeedAgentSpec, SeedTool } from './seed-types';

/** The realistic demo agents: one per common provider, in several languages. */

const lookupCustomer: SeedTool = {
  shared: 'lookup_customer',
  name: 'lookup_customer',
  description: 'Finds a customer record by phone number or account id and returns their name, plan and open tickets.',
  mock_data: [
    {
      input: { phone_number: '+14155550142' },
      output: { found: true, customer_id: 'C-20931', name: 'Maya Patel', plan: 'Premium', open_tickets: 1 },
    },
    { input: { account_id: 'C-11802' }, output: { found: true, customer_id: 'C-11802', name: 'Jonas Weber', plan: 'Basic', open_tickets: 0 } },
    { input: { phone_number: '+14155550000' }, output: { found: false } },
  ],
  freetext_params: ['notes'],
};

const acmeSupport: SeedAgentSpec = {
  name: 'Acme Support — Tier 1',
  description: [
    'You are Ava, the first-line phone support agent for Acme Home Internet.',
    '',
    'Goals, in order:',
    '1. Greet the caller, confirm their identity with the phone number on file or their account id (use lookup_customer).',
    '2. Understand the issue in one or two questions. Typical issues: no connection, slow speed, billing questions, moving house.',
    '3. For connection problems walk through the standard checks: router lights, restart, cable, then run check_outage for their postcode.',
    '4. When the issue cannot be solved on the call, open a ticket with create_ticket and read the ticket number back slowly.',
    '5. Offer a transfer to a human (transfer_to_human) when the caller asks twice, is upset, or the issue is about cancelling.',
    '',
    'Style: warm, brief, no jargon. Never promise refunds; say a specialist will review. Never read out full card numbers.',
    'If the caller is silent for 8 seconds, ask whether they are still there; after a second silence, end the call politely.',
  ].join('\n'),
  project: 1,
  language: 'en',
  agent_speaks_first: true,
  telephony: telephony({
    phone_number: '+14155550101',
    inbound: true,
    outbound_numbers: ['+14155550102', '+14155550103'],
  }),
  provider: provider({
    type: 'vapi',
    agent_id: '7f1c2a9e-4b1d-4d8e-9a57-2c3e8f1b6d40',
    credentials: {
      api_key: 'vapi-sk-demo-1f7a9c3e5b',
      config: {
        public_key: 'pk_vapi_4d2b8e1a-93f0-4c55-b7e2-0a6f1c9d3e21',
        trigger_url: 'https://hooks.acme-internet.example/vapi/trigger',
        trigger_secret: 'whsec_acme_trigger_8842',
      },
    },
    chat_agent_details: { type: 'vapi', config: { agent_id: 'chat-7f1c2a9e-ava' } },
    auto_dial_outbound: true,
    auto_import_calls: true,
    auto_sync_prompt: false,
    redact_fields: ['phone_number', 'email_address', 'credit_card'],
  }),
  webhook_url: 'https://hooks.acme-internet.example/cekura/events',
  webhook_secret: 'acme-webhook-secret-2291',
  email_id: 'support-agent@acme-internet.example',
  mock_tools_enabled: true,
  mock_tools_provider: 'vapi',
  enabled_personalities: [1, 2, 4],
  predefined_metrics: ['customer_satisfaction', 'resolution'],
  tools: [
    lookupCustomer,
    {
      name: 'check_outage',
      description: 'Checks for a known network outage at a postcode.',
      mock_data: [
        { input: { postcode: '94107' }, output: { outage: true, eta_minutes: 90, reference: 'OUT-5521' } },
        { input: { postcode: '94110' }, output: { outage: false } },
      ],
    },
    {
      name: 'create_ticket',
      description: 'Opens a support ticket and returns its number.',
      mock_data: [
        {
          input: { customer_id: 'C-20931', category: 'connection', summary: 'No internet since this morning' },
          output: { ticket_id: 'T-884213', priority: 'high', sla_hours: 24 },
        },
      ],
      freetext_params: ['summary'],
    },
    {
      name: 'transfer_to_human',
      description: 'Hands the call over to the human support queue (served through the Zendesk MCP server).',
      mock_data: [{ input: { reason: 'cancellation' }, output: { transferred: true, queue: 'retention', wait_seconds: 45 } }],
      mcp: { mock_index: 1, server: { name: 'Zendesk MCP', key: 'zendesk' } },
    },
  ],
  variables: [
    ['customer_name', 'The caller’s first name, when known before the call.'],
    ['account_id', 'Acme account id, e.g. C-20931.'],
    ['plan_name', 'Current internet plan (Basic, Plus, Premium).'],
    ['postcode', 'Service address postcode, used for the outage check.'],
    ['preferred_language', 'Language the customer chose in the IVR.'],
  ],
  files: [
    {
      file_name: 'refund-policy.md',
      content: [
        '# Refund policy',
        '',
        '- Outages longer than 24 hours are credited automatically on the next bill.',
        '- Equipment returned within 30 days is refunded in full.',
        '- Agents never promise a refund on the call; a specialist reviews every request within 3 business days.',
        '',
      ].join('\n'),
    },
    {
      file_name: 'faq.txt',
      content: [
        'Q: How do I restart my router?',
        'A: Unplug it for 30 seconds, plug it back in and wait until the light is solid white.',
        '',
        'Q: Can I keep my plan when I move?',
        'A: Yes, if the new address is in our coverage area. Moving is free once a year.',
        '',
      ].join('\n'),
    },
    {
      file_name: 'opening-hours.json',
      content: `${JSON.stringify({ phone: { weekdays: '07:00-22:00', weekends: '09:00-18:00' }, timezone: 'America/Los_Angeles' }, null, 2)}\n`,
    },
  ],
  createdDay: 0,
};

const dentalClinic: SeedAgentSpec = {
  name: 'Clínica Dental Sonrisa — Citas',
  description: [
    'Eres Lucía, la recepcionista virtual de la Clínica Dental Sonrisa en Madrid.',
    '',
    'Tu trabajo es reservar, cambiar y cancelar citas. Pregunta siempre el nombre completo y un teléfono de contacto.',
    'Usa book_appointment para reservar y cancel_appointment para cancelar. Ofrece como máximo tres huecos a la vez.',
    'Las urgencias (dolor fuerte, sangrado, un diente roto) se atienden el mismo día: ofrece el primer hueco disponible.',
    'No des diagnósticos ni precios cerrados; puedes leer las tarifas orientativas del documento de tarifas.',
    'Habla de usted, con frases cortas y amables. Si la persona prefiere inglés, cambia de idioma.',
  ].join('\n'),
  project: 1,
  language: 'es',
  agent_speaks_first: true,
  telephony: telephony({
    phone_number: '+34911234567',
    inbound: true,
    sip_uri: 'sip:citas@sonrisa.sip.retellai.com',
    sip_auth: { username: 'sonrisa-trunk', password: 'trunk-pass-5520' },
  }),
  provider: provider({
    type: 'retell',
    agent_id: 'agent_3b9d0c2f71e84a6b',
    credentials: {
      api_key: 'key_retell_demo_0c9a',
      config: {
        trigger_url: 'https://api.sonrisa.example/retell/trigger',
        trigger_secret: 'sonrisa-trigger-1187',
        livekit_server_url: 'wss://sonrisa-retell.livekit.cloud',
      },
    },
    chat_agent_details: { type: 'retell', config: { agent_id: 'agent_chat_5e1f09d2' } },
    auto_dial_outbound: false,
    auto_import_calls: true,
    auto_sync_prompt: true,
    redact_fields: ['person_name', 'phone_number', 'healthcare_number'],
  }),
  webhook_url: 'https://api.sonrisa.example/cekura/webhook',
  email_id: null,
  mock_tools_enabled: true,
  mock_tools_provider: 'retell',
  enabled_personalities: [1, 3],
  tools: [
    lookupCustomer,
    {
      name: 'book_appointment',
      description: 'Reserva una cita para un paciente en el primer hueco que acepte.',
      mock_data: [
        {
          input: { patient_name: 'Carmen Ruiz', treatment: 'limpieza', preferred_day: 'martes' },
          output: { booked: true, appointment_id: 'A-7781', starts_at: '2025-03-11T10:30:00+01:00', dentist: 'Dra. Molina' },
        },
        { input: { patient_name: 'Pablo Gil', treatment: 'urgencia' }, output: { booked: true, appointment_id: 'A-7790', starts_at: 'today 17:15' } },
      ],
    },
    {
      name: 'cancel_appointment',
      description: 'Cancela una cita existente por su identificador.',
      mock_data: [{ input: { appointment_id: 'A-7781' }, output: { cancelled: true, fee: 0 } }],
    },
  ],
  variables: [
    ['nombre_paciente', 'Nombre del paciente si llama desde un número conocido.'],
    ['sede', 'Sede de la clínica: Chamberí o Retiro.'],
    ['seguro', 'Compañía de seguro dental, si la tiene.'],
  ],
  files: [
    {
      file_name: 'tarifas.csv',
      content: 'tratamiento,precio_desde_eur,duracion_min\nlimpieza,45,30\nempaste,60,45\nendodoncia,180,90\nblanqueamiento,250,60\n',
    },
    {
      file_name: 'preguntas-frecuentes.md',
      content: '# Preguntas frecuentes\n\n**¿Aceptan seguros?** Sí, trabajamos con Sanitas, Adeslas y DKV.\n\n**¿Hay aparcamiento?** Hay un parking público a 50 metros.\n',
    },
  ],
  createdDay: 3,
};

const utilityService: SeedAgentSpec = {
  name: 'Stadtwerke Kundenservice',
  description: [
    'Du bist Max, der telefonische Kundenservice der Stadtwerke Neustadt für Strom, Gas und Wasser.',
    '',
    'Du nimmst Zählerstände entgegen (submit_meter_reading), erklärst Tarife (tariff_lookup) und hilfst bei Abschlägen.',
    'Frage vor jeder Auskunft nach der Kundennummer und der Postleitzahl. Gib keine Kontodaten am Telefon heraus.',
    'Bei Störungen (Stromausfall, Gasgeruch) verweist du sofort auf die Störungsnummer 0800 112 112 und beendest das Gespräch nicht, bevor die Nummer wiederholt wurde.',
    'Sprich die Anrufenden mit „Sie“ an, bleibe sachlich und freundlich.',
  ].join('\n'),
  project: 2,
  language: 'de',
  agent_speaks_first: false,
  telephony: telephony({ phone_number: '+4930123456789', inbound: true, outbound_numbers: ['+4930123456790'] }),
  provider: provider({
    type: 'elevenlabs',
    agent_id: 'agent_01jq8xw3e5stadtwerke',
    credentials: {
      api_key: 'sk_el_demo_4471',
      config: {
        trigger_url: 'https://service.stadtwerke-neustadt.example/elevenlabs/trigger',
        trigger_secret: 'sw-trigger-3310',
        elevenlabs_region: 'eu',
        elevenlabs_base_url_override: '',
      },
    },
    auto_dial_outbound: false,
    auto_import_calls: true,
    auto_sync_prompt: true,
    redact_fields: ['account_number', 'bank_account'],
  }),
  mock_tools_enabled: false,
  mock_tools_provider: 'elevenlabs',
  enabled_personalities: [2],
  tools: [
    {
      name: 'submit_meter_reading',
      description: 'Speichert einen Zählerstand für eine Kundennummer.',
      mock_data: [
        { input: { customer_number: '400-118-22', meter: 'strom', value: 48211 }, output: { accepted: true, next_reading_due: '2026-01-31' } },
        { input: { customer_number: '400-118-22', meter: 'gas', value: 1 }, output: { accepted: false, reason: 'value lower than last reading' } },
      ],
    },
    {
      name: 'tariff_lookup',
      description: 'Liefert den aktuellen Tarif und den monatlichen Abschlag.',
      mock_data: [{ input: { customer_number: '400-118-22' }, output: { tariff: 'NeustadtStrom Öko', monthly_eur: 84, price_ct_kwh: 31.9 } }],
    },
  ],
  variables: [
    ['kundennummer', 'Kundennummer im Format 400-000-00.'],
    ['postleitzahl', 'Postleitzahl der Verbrauchsstelle.'],
  ],
  files: [
    {
      file_name: 'tarife.json',
      content: `${JSON.stringify(
        [
          { name: 'NeustadtStrom Basis', grundpreis_eur: 12.5, arbeitspreis_ct: 34.1 },
          { name: 'NeustadtStrom Öko', grundpreis_eur: 13.9, arbeitspreis_ct: 31.9 },
        ],
        null,
        2,
      )}\n`,
    },
  ],
  createdDay: 7,
};

const bistro: SeedAgentSpec = {
  name: 'Réservations Bistro Lumière',
  description: [
    'Tu es Camille, l’hôtesse d’accueil téléphonique du Bistro Lumière à Lyon.',
    '',
    'Tu prends les réservations (check_table_availability puis book_table) pour 1 à 8 personnes ; au-delà, propose le salon privé et prends un numéro de rappel.',
    'Demande toujours : la date, l’heure, le nombre de personnes, un nom et les allergies éventuelles.',
    'Le menu du jour est dans le document menu.md ; ne cite pas de prix qui n’y figurent pas.',
    'Reste chaleureuse et concise, vouvoie toujours.',
  ].join('\n'),
  project: 2,
  language: 'fr',
  agent_speaks_first: true,
  telephony: telephony({
    phone_number: '+33478123456',
    inbound: true,
    websocket_url: 'wss://voice.bistro-lumiere.example/livekit',
  }),
  provider: provider({
    type: 'livekit',
    agent_id: 'camille-reservations',
    credentials: {
      api_key: 'APIdemoLumiere42',
      config: {
        url: 'wss://bistro-lumiere.livekit.cloud',
        api_secret: 'lk_secret_demo_0b7c5e',
        agent_name: 'camille',
        config: { room_prefix: 'resa-', max_participants: 2 },
        tracing_enabled: true,
      },
    },
    chat_agent_details: { type: 'livekit', config: { agent_id: 'camille-chat' } },
    auto_dial_outbound: true,
  }),
  mock_tools_enabled: true,
  mock_tools_provider: null,
  enabled_personalities: [],
  tools: [
    {
      name: 'check_table_availability',
      description: 'Vérifie les tables libres pour une date, une heure et un nombre de couverts.',
      mock_data: [
        { input: { date: '2025-06-14', time: '20:00', guests: 4 }, output: { available: true, tables: ['T12', 'T14'] } },
        { input: { date: '2025-06-14', time: '21:00', guests: 8 }, output: { available: false, next_slot: '21:45' } },
      ],
    },
    {
      name: 'book_table',
      description: 'Réserve une table et renvoie le numéro de confirmation.',
      mock_data: [{ input: { table: 'T12', name: 'Dubois', guests: 4 }, output: { confirmation: 'LUM-3321' } }],
      freetext_params: ['allergies'],
    },
  ],
  variables: [
    ['nom_client', 'Nom du client quand il est connu.'],
    ['service', 'Service demandé : midi ou soir.'],
    ['allergies', 'Allergies signalées lors d’une réservation précédente.'],
  ],
  files: [
    {
      file_name: 'menu.md',
      content: '# Menu du jour\n\n- Entrée : velouté de potimarron — 9 €\n- Plat : quenelle de brochet, sauce Nantua — 21 €\n- Dessert : tarte aux pralines — 8 €\n',
    },
  ],
  createdDay: 10,
};

const travelConcierge: SeedAgentSpec = {
  name: 'Global Travel Concierge',
  description: [
    'You are Atlas, a multilingual travel concierge for Wayfarer Travel. Answer in the caller’s language.',
    '',
    'You search flights (search_flights), hold bookings for 24 hours (hold_booking) and convert currencies (currency_convert).',
    'Before holding a booking, confirm the full name exactly as in the passport, the date of birth and the loyalty number if any.',
    'Visa questions: quote only the visa-requirements document and always add that rules change and the embassy is the authority.',
    'Never take card details on the call; the booking link is sent by email after the hold.',
    'Escalate to a human for group bookings over 9 people, medical assistance or unaccompanied minors.',
  ].join('\n'),
  project: 1,
  language: 'multi',
  agent_speaks_first: null,
  telephony: telephony({
    phone_number: '+442071234567',
    inbound: false,
    websocket_url: 'wss://voice.wayfarer-travel.example/ws',
    websocket_auth: { username: 'atlas', password: 'ws-pass-7712' },
    outbound_numbers: ['+442071234568'],
  }),
  provider: provider({
    type: 'custom',
    agent_id: 'atlas-v3',
    credentials: {
      config: {
        send_post_conversation_metadata: true,
        trigger_url: 'https://voice.wayfarer-travel.example/trigger',
        trigger_secret: 'wayfarer-trigger-9021',
      },
    },
    chat_agent_details: { type: 'self_hosted', config: { agent_id: 'atlas-chat' } },
    send_post_conversation_metadata: true,
    redact_fields: ['passport_number', 'dob', 'person_name'],
  }),
  webhook_url: 'https://voice.wayfarer-travel.example/cekura',
  webhook_secret: 'wayfarer-webhook-4410',
  email_id: 'atlas@wayfarer-travel.example',
  mock_tools_enabled: true,
  mock_tools_provider: 'custom',
  enabled_personalities: [1, 2, 3, 5],
  tools: [
    lookupCustomer,
    {
      name: 'search_flights',
      description: 'Searches flights between two airports on a date.',
      mock_data: [
        {
          input: { from: 'LHR', to: 'JFK', date: '2025-09-02', passengers: 2 },
          output: { results: [{ flight: 'BA117', departs: '08:25', price_gbp: 612 }, { flight: 'VS3', departs: '11:40', price_gbp: 578 }] },
        },
        { input: { from: 'LHR', to: 'XXX', date: '2025-09-02' }, output: { error: 'unknown airport' } },
      ],
    },
    {
      name: 'hold_booking',
      description: 'Holds a flight for 24 hours and emails the payment link.',
      mock_data: [{ input: { flight: 'VS3', passengers: 2 }, output: { held: true, reference: 'WF-Q8X2L', expires_in_hours: 24 } }],
      freetext_params: ['special_requests'],
    },
    {
      name: 'currency_convert',
      description: 'Converts an amount between currencies at today’s rate.',
      mock_data: [{ input: { amount: 578, from: 'GBP', to: 'EUR' }, output: { amount: 676.26, rate: 1.17 } }],
    },
  ],
  variables: [
    ['traveler_name', 'Full name of the lead traveller.'],
    ['loyalty_tier', 'Wayfarer loyalty tier: Blue, Silver, Gold.'],
    ['home_airport', 'IATA code of the caller’s home airport.'],
    ['currency', 'Preferred currency for prices.'],
    ['trip_id', 'Existing trip reference, when calling about a booking.'],
    ['_locale', 'Locale detected from the first utterance.'],
  ],
  files: [
    { file_name: 'visa-requirements.csv', content: 'destination,passport,visa_required,max_stay_days\nUSA,UK,ESTA,90\nJapan,UK,no,90\nIndia,UK,e-visa,30\n' },
    {
      file_name: 'loyalty-tiers.json',
      content: `${JSON.stringify({ Blue: { lounge: false }, Silver: { lounge: false, free_changes: 1 }, Gold: { lounge: true, free_changes: 3 } }, null, 2)}\n`,
    },
    { file_name: 'cancellation-policy.txt', content: 'Holds expire after 24 hours at no cost.\nPaid bookings follow the airline fare rules; Wayfarer adds no fee.\n' },
  ],
  createdDay: 14,
};

const insuranceClaims: SeedAgentSpec = {
  name: 'Insurance Claims Intake',
  description: [
    'You are Sam, the claims intake line of Harbor Mutual Insurance.',
    '',
    'Collect a first notice of loss: policy number, what happened, when and where, whether anyone was hurt, and photos by SMS.',
    'Use file_claim once you have the policy number, the date of loss and a short description.',
    'Read the claim number back digit by digit. Do not give any opinion on coverage.',
    'If someone is injured or in danger, tell them to call 911 first.',
  ].join('\n'),
  project: 2,
  language: 'en',
  agent_speaks_first: true,
  telephony: telephony({
    phone_number: '+16175550199',
    inbound: true,
    sip_uri: 'sips:claims@harbor-mutual.example',
    sip_auth: { username: 'harbor-sip', password: 'sip-pass-6603' },
  }),
  provider: provider({
    type: 'bland',
    agent_id: 'persona_harbor_claims_02',
    credentials: { api_key: 'org_bland_demo_77', config: { encrypted_key: 'enc_3f9a1c77b2' } },
    chat_agent_details: { type: 'bland', config: { agent_id: 'pathway_claims_intake' } },
    auto_dial_outbound: true,
    auto_sync_prompt: false,
    redact_fields: ['person_name', 'phone_number', 'account_number', 'ssn', 'location'],
  }),
  mock_tools_enabled: false,
  mock_tools_provider: null,
  enabled_personalities: [4],
  tools: [
    {
      name: 'file_claim',
      description: 'Files a first notice of loss and returns the claim number.',
      mock_data: [
        {
          input: { policy_number: 'HM-448812', date_of_loss: '2025-02-20', description: 'Rear-ended at a red light' },
          output: { claim_number: '2025-118-4471', adjuster: 'R. Okafor', next_step: 'adjuster call within 1 business day' },
        },
      ],
      freetext_params: ['description'],
    },
  ],
  variables: [
    ['policy_number', 'Policy number, e.g. HM-448812.'],
    ['policy_holder', 'Name on the policy.'],
  ],
  files: [{ file_name: 'claims-checklist.md', content: '# FNOL checklist\n\n1. Policy number\n2. Date, time, place\n3. Injuries\n4. Other parties\n5. Photos\n' }],
  createdDay: 18,
};

const pharmacy: SeedAgentSpec = {
  name: 'Pharmacy Refill Line',
  description: [
    'You are Riley, the automated refill line of CornerCare Pharmacy.',
    '',
    'Verify the patient with date of birth and the prescription number, then request the refill with request_refill.',
    'Tell the patient when the refill will be ready. Never give medical advice; offer to connect to a pharmacist instead.',
  ].join('\n'),
  project: 3,
  language: 'en',
  agent_speaks_first: true,
  telephony: telephony({ phone_number: '+13125550177', inbound: true }),
  provider: provider({
    type: 'pipecat',
    agent_id: 'riley-refills',
    credentials: {
      api_key: 'pc_demo_key_31',
      config: {
        pipecat_agent_name: 'riley',
        webhook_url: 'https://pipecat.cornercare.example/webhook',
        config: { voice: 'aura-asteria', vad_stop_secs: 0.6 },
        room_properties: { enable_recording: 'cloud' },
        tracing_enabled: false,
      },
    },
    auto_dial_outbound: false,
  }),
  mock_tools_enabled: true,
  mock_tools_provider: null,
  enabled_personalities: [],
  tools: [
    {
      name: 'request_refill',
      description: 'Requests a prescription refill.',
      mock_data: [{ input: { rx_number: 'RX-5518820', dob: '1961-04-09' }, output: { accepted: true, ready_at: 'tomorrow 2 pm' } }],
    },
  ],
  variables: [
    ['patient_first_name', 'Patient first name from the pharmacy system.'],
    ['store_location', 'Store the prescription is filled at.'],
  ],
  files: [{ file_name: 'store-hours.txt', content: 'Mon-Fri 8am-9pm\nSat 9am-6pm\nSun closed\n' }],
  createdDay: 21,
};

export const SEED_AGENT_SPECS: readonly SeedAgentSpec[] = [
  acmeSupport,
  dentalClinic,
  utilityService,
  bistro,
  travelConcierge,
  insuranceClaims,
  pharmacy,
];
