import type { MessagingChannel } from './supervision-rules';

/** `agent` is whoever has the conversation now; `second` is a colleague who joined it. */
export type Speaker = 'customer' | 'agent' | 'second';

/**
 * join/leaveSecond: a colleague joins and leaves. transfer: the conversation moves to another agent.
 * requeue + redeliver: it goes back to the queue, then reaches another agent. customerLeaves +
 * complete: the usual end.
 */
export type ScriptAct = 'join' | 'leaveSecond' | 'transfer' | 'requeue' | 'redeliver' | 'customerLeaves' | 'complete';

export type ScriptStep = { readonly say: Speaker; readonly text: string } | { readonly act: ScriptAct };

export interface ConversationScript {
  readonly topic: string;
  readonly kind: MessagingChannel;
  /** The first step is the customer's opening line, written while waiting in the queue. */
  readonly steps: readonly ScriptStep[];
}

const customer = (text: string): ScriptStep => ({ say: 'customer', text });
const agent = (text: string): ScriptStep => ({ say: 'agent', text });
const second = (text: string): ScriptStep => ({ say: 'second', text });
const act = (name: ScriptAct): ScriptStep => ({ act: name });

// Placeholders: {customer} the customer's first name, {agent} and {second} the agents' first names, {ref} a reference number.
export const conversationScripts: readonly ConversationScript[] = [
  {
    topic: 'billing: charged twice',
    kind: 'chat',
    steps: [
      customer('Hi, I think I was charged twice for my last bill.'),
      agent(
        'Hi {customer}, I’m {agent}. Sorry about that, let me take a look. Can you confirm the email on the account?',
      ),
      customer('Sure, it’s the one I’m chatting from.'),
      agent('Thanks, I’ve found your account. I can see two payments of $48.20 on the 3rd.'),
      customer('Yes, that’s them. Only one should be there.'),
      agent('You’re right, the second one is a duplicate from the card processor. I’m raising a refund now.'),
      customer('How long will that take?'),
      agent('Usually 3 to 5 business days to show on your card. Your refund reference is {ref}.'),
      customer('Great, thank you.'),
      agent('Is there anything else I can help with today?'),
      customer('No, that’s all. Thanks {agent}!'),
      agent('You’re welcome, have a lovely day.'),
      act('customerLeaves'),
      act('complete'),
    ],
  },
  {
    topic: 'delivery delay',
    kind: 'chat',
    steps: [
      customer('My order was supposed to arrive yesterday and it still hasn’t come.'),
      agent('Hello {customer}, this is {agent}. I’m sorry it’s late. Could you give me the order number?'),
      customer('It’s {ref}.'),
      agent('Thank you. One moment while I check with the carrier.'),
      agent('The parcel was held at the regional depot because of the weather. It’s back on the van today.'),
      customer('Will it come today then?'),
      agent('It’s scheduled between 2 and 6 pm. You’ll get a text with a one-hour window this morning.'),
      customer('OK. Can they leave it with a neighbour if I’m out?'),
      agent('Yes, I’ve added that instruction to the delivery.'),
      customer('Perfect, thanks.'),
      agent('I’ve also refunded the express shipping fee since it didn’t arrive on time.'),
      customer('Oh that’s nice, appreciate it.'),
      agent('Anything else I can do for you?'),
      customer('That’s everything, bye!'),
      act('customerLeaves'),
      act('complete'),
    ],
  },
  {
    topic: 'password reset',
    kind: 'chat',
    steps: [
      customer('I’m locked out of my account, the reset email never arrives.'),
      agent('Hi {customer}, I’m {agent} and I can help with that. Have you checked your spam folder?'),
      customer('Yes, nothing there either.'),
      agent(
        'Thanks. I can see three reset requests, and all of them bounced. Is your email still the Hotmail address?',
      ),
      customer('Oh no, I closed that one last year.'),
      agent(
        'That explains it. For security I need to verify you first: what are the last four digits of the card on file?',
      ),
      customer('4417'),
      agent('Thank you, that matches. What email should I change it to?'),
      customer('The one I’m using here is fine.'),
      agent('Done. I’ve sent a new reset link, it should arrive within a minute.'),
      customer('Got it! Resetting now.'),
      customer('I’m in. Thank you so much.'),
      agent('Great to hear. Remember to update the email on your other devices too.'),
      act('customerLeaves'),
      act('complete'),
    ],
  },
  {
    topic: 'card declined at checkout',
    kind: 'chat',
    steps: [
      customer('My card keeps getting declined at checkout but it works everywhere else.'),
      agent('Hi {customer}, {agent} here. Sorry for the trouble. What message do you see when it fails?'),
      customer('It just says "payment could not be authorised".'),
      agent('Thanks. I can see the attempts; our fraud check blocked them because the billing address doesn’t match.'),
      customer('I moved last month, I probably only updated it with my bank.'),
      agent('That would do it. I can update the address on your profile if you give me the new one.'),
      customer('12 Harbour Street, apartment 4B.'),
      agent('Updated. Please try the checkout again now.'),
      customer('It went through!'),
      agent('Wonderful. Your order confirmation should be in your inbox shortly.'),
      customer('Thanks for the quick help.'),
      act('customerLeaves'),
      act('complete'),
    ],
  },
  {
    topic: 'plan upgrade with a specialist',
    kind: 'chat',
    steps: [
      customer('Hi, I want to upgrade my plan but I’m not sure which one fits.'),
      agent('Hello {customer}, I’m {agent}. Happy to help. What do you mostly use it for?'),
      customer('Work video calls and my kids stream a lot in the evening.'),
      agent('Understood. Let me bring in {second} from our plans team, they know the current offers best.'),
      act('join'),
      second('Hi {customer}, I’m {second}. For that kind of use I’d suggest the Family 500 plan.'),
      customer('What does that cost compared to what I have?'),
      second('It’s $12 more a month, and there’s a 3-month discount that makes it $6 more for now.'),
      customer('And it would be faster in the evenings?'),
      second('Yes, it includes priority bandwidth, so streaming won’t slow your calls down.'),
      customer('OK, let’s do it.'),
      second('Great, I’ll hand you back to {agent} to finish the change. Thanks {customer}!'),
      act('leaveSecond'),
      agent('I’ve applied the Family 500 plan from today. You’ll see it on your next bill.'),
      customer('Thanks both of you.'),
      agent('My pleasure, enjoy the faster connection!'),
      act('customerLeaves'),
      act('complete'),
    ],
  },
  {
    topic: 'damaged item, transferred to returns',
    kind: 'chat',
    steps: [
      customer('The lamp I ordered arrived with a cracked base.'),
      agent('Oh no, I’m sorry {customer}. I’m {agent}. Could you tell me the order number?'),
      customer('{ref}'),
      agent('Thank you. Damaged items are handled by our returns team, they can send a replacement today.'),
      agent('I’m transferring you now, you won’t need to repeat anything.'),
      customer('OK, thanks.'),
      act('transfer'),
      agent('Hi {customer}, I’m {agent} from returns. I can see the cracked lamp on order {ref}.'),
      agent('Would you like a replacement or a refund?'),
      customer('A replacement please, I really like that lamp.'),
      agent('Done, it ships today. A courier will collect the damaged one when they deliver the new one.'),
      customer('Do I need to repack it?'),
      agent('Any box is fine, the courier will bring a label.'),
      customer('Great, thank you!'),
      act('customerLeaves'),
      act('complete'),
    ],
  },
  {
    topic: 'moving house, back to the queue',
    kind: 'chat',
    steps: [
      customer('Hi, I’m moving next month and want to move my service to the new address.'),
      agent('Hi {customer}, I’m {agent}. Congratulations on the move! What’s the new address?'),
      customer('48 Elm Road, Riverside.'),
      agent('Thanks. Riverside is served by our relocation team, and they have the installation calendar.'),
      agent('I’ll place you back in the queue for them, the wait is about a minute.'),
      customer('No problem.'),
      act('requeue'),
      act('redeliver'),
      agent('Hello {customer}, {agent} from relocations here. I see you’re moving to 48 Elm Road.'),
      customer('Yes, on the 14th.'),
      agent('I can book the technician for the morning of the 14th, between 8 and 12. Does that work?'),
      customer('Mornings are good.'),
      agent('Booked. Your current service stays on until the 15th so you’re never offline.'),
      customer('That’s really helpful, thanks.'),
      act('customerLeaves'),
      act('complete'),
    ],
  },
  {
    topic: 'cancellation, retention joins',
    kind: 'chat',
    steps: [
      customer('I’d like to cancel my subscription please.'),
      agent('Hi {customer}, I’m {agent}. I can help with that. May I ask why you’d like to cancel?'),
      customer('It’s just too expensive at the moment.'),
      agent('I understand. My colleague {second} can look at options before we cancel, is that alright?'),
      customer('Sure, why not.'),
      act('join'),
      second('Hi {customer}, {second} here. I can offer 40% off for the next six months if you’d like to stay.'),
      customer('Hmm, that would make it about $15?'),
      second('$14.40 a month, and you can still cancel any time.'),
      customer('OK, that works for me.'),
      second('Lovely, it’s applied. I’ll leave you with {agent}.'),
      act('leaveSecond'),
      agent('All set, {customer}. The discount shows from your next bill.'),
      customer('Thanks!'),
      act('customerLeaves'),
      act('complete'),
    ],
  },
  {
    topic: 'two-factor code not arriving',
    kind: 'chat',
    steps: [
      customer('The login code texts aren’t reaching my phone.'),
      agent('Hi {customer}, this is {agent}. Which number do you expect the code on?'),
      customer('The one ending 0187.'),
      agent('Thanks. Your account has an old number ending 0132, that’s where the codes are going.'),
      customer('Ah, I changed numbers in the spring.'),
      agent('I can switch it to 0187 once I’ve verified you. What’s your date of birth?'),
      customer('2 March 1988.'),
      agent('Verified, and the number is updated. Try logging in again.'),
      customer('Code arrived. I’m in, thanks.'),
      agent('Great! Anything else today?'),
      customer('Nope, all good.'),
      act('customerLeaves'),
      act('complete'),
    ],
  },
  {
    topic: 'appointment reschedule',
    kind: 'sms',
    steps: [
      customer('Hi, can I move my technician visit on Thursday? I have to work'),
      agent('Hi {customer}, {agent} here. Sure, what day suits you better?'),
      customer('Saturday morning if possible'),
      agent('I have Saturday 9–11 or 11–1 available.'),
      customer('9-11 please'),
      agent('Booked for Saturday 9–11. The technician will text 30 minutes before arriving.'),
      customer('Perfect thanks'),
      agent('You’re welcome. Reply here if anything changes.'),
      act('complete'),
    ],
  },
  {
    topic: 'delivery window',
    kind: 'sms',
    steps: [
      customer('When will my parcel arrive today? Need to know if I should stay home'),
      agent('Hi {customer}, this is {agent}. Your parcel {ref} is due between 1 and 3 pm.'),
      customer('Can it go to the pickup point instead?'),
      agent('Yes. The nearest one is the pharmacy on Market Street, open until 8 pm. Shall I redirect it?'),
      customer('Yes please'),
      agent('Done. You’ll get a code by text when it’s ready to collect.'),
      customer('Great, thanks!'),
      act('complete'),
    ],
  },
  {
    topic: 'roaming charges, transferred to billing',
    kind: 'sms',
    steps: [
      customer('Why is my bill $90 higher this month??'),
      agent('Hi {customer}, I’m {agent}. I can see roaming charges from 12–19 June, were you travelling?'),
      customer('Yes in Spain but I bought the travel pass'),
      agent('I see the travel pass was added on the 14th, after the first charges. Billing can review that.'),
      agent('I’m passing you to our billing team now, they’ll reply in this same thread.'),
      act('transfer'),
      agent(
        'Hi {customer}, {agent} from billing. I’ve reviewed it and refunded the roaming charges from the 12th and 13th.',
      ),
      customer('So how much is the bill now?'),
      agent('$41.60, your usual amount plus the travel pass.'),
      customer('OK thank you'),
      act('complete'),
    ],
  },
  {
    topic: 'no data after SIM swap, specialist joins',
    kind: 'sms',
    steps: [
      customer('Got my new SIM but mobile data doesn’t work'),
      agent('Hi {customer}, {agent} here. Calls and texts work fine?'),
      customer('Yes just no internet'),
      agent('Let me add {second} from our network team, one moment.'),
      act('join'),
      second('Hi {customer}, {second} here. Please go to Settings > Mobile data > APN and tell me what it shows.'),
      customer('It says "internet.old"'),
      second('That’s the old network profile. I’ve just pushed the new one, restart your phone please.'),
      customer('Restarted. Data works now!'),
      second('Great! I’ll leave you with {agent}.'),
      act('leaveSecond'),
      agent('Glad it’s sorted. Anything else?'),
      customer('No that’s all thanks'),
      act('complete'),
    ],
  },
  {
    topic: 'payment plan, back to the queue',
    kind: 'sms',
    steps: [
      customer('I got a payment reminder but I can’t pay it all this month'),
      agent('Hi {customer}, {agent} here. Thanks for reaching out. Our payments team can set up a plan.'),
      agent('I’ll put your message back in their queue, someone will reply in a few minutes.'),
      act('requeue'),
      act('redeliver'),
      agent('Hi {customer}, {agent} from payments. I can split the $120 balance into three monthly payments.'),
      customer('Yes that would help a lot'),
      agent('Set up: $40 on the 1st of each month for three months. No late fee will be added.'),
      customer('Thank you so much'),
      act('complete'),
    ],
  },
  {
    topic: 'bill due date',
    kind: 'sms',
    steps: [
      customer('When is my bill due this month? I get paid on the 28th'),
      agent('Hi {customer}, {agent} here. It’s due on the 25th.'),
      customer('Can I pay on the 28th without a late fee?'),
      agent('Yes, I’ve moved this month’s due date to the 29th for you.'),
      customer('Amazing thank you'),
      agent('No problem! Reply PAY any time to get a payment link.'),
      act('complete'),
    ],
  },
  {
    topic: 'order status',
    kind: 'sms',
    steps: [
      customer('Hi has my order shipped yet?'),
      agent('Hi {customer}, {agent} here. Order {ref} left our warehouse this morning.'),
      customer('Tracking number?'),
      agent('It’s 1Z 999 AA1 0123 4567 84. It should arrive tomorrow.'),
      customer('Great thx'),
      act('complete'),
    ],
  },
];

/** Lines only: the opening for a conversation a test or a demo drives itself. */
export function isPlainScript(script: ConversationScript): boolean {
  return script.steps.every((step) => !('act' in step) || step.act === 'customerLeaves' || step.act === 'complete');
}

export function scriptsFor(
  kind: MessagingChannel,
  options: { readonly plainOnly?: boolean } = {},
): ConversationScript[] {
  return conversationScripts.filter((script) => script.kind === kind && (!options.plainOnly || isPlainScript(script)));
}
